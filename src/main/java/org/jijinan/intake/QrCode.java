package org.jijinan.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as a PNG picture: error correction level M (a poster on a village wall gets creased and faded), the quiet
 * zone of four modules the standard asks for, black on white.
 */
final class QrCode {

	/** Pixels a side: about twelve per module for a link of this platform, sharp when printed 10 cm wide. */
	private static final int SIZE = 600;

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8");

	private QrCode() {
	}

	/**
	 * @param text what the code says, such as a link
	 * @return the code as a PNG picture
	 */
	static byte[] png(String text) {
		try (var out = new ByteArrayOutputStream()) {
			MatrixToImageWriter.writeToStream(encode(text, SIZE), "PNG", out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/**
	 * @param text what the code says
	 * @return its modules, one bit each, with the quiet zone: for drawing it as squares in a printed document
	 */
	static BitMatrix modules(String text) {
		return encode(text, 0);
	}

	private static BitMatrix encode(String text, int size) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
		}
		catch (WriterException tooLong) {
			throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", tooLong);
		}
	}

	/**
	 * @return the picture as a {@code data:} address for an {@code <img>} (the content security policy allows them)
	 */
	static String dataUri(String text) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
	}

}
