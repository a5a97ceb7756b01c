package org.jijinan.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a printed poster as a person and a phone would: poppler's tools for its pages and text, a picture of a page
 * for the phone's camera, and zxing for the QR code on it.
 */
final class PrintedPosters {

	private PrintedPosters() {
	}

	static int pages(Path pdf) throws IOException, InterruptedException {
		String info = run("pdfinfo", pdf.toString());
		return Integer.parseInt(info.replaceAll("(?s).*\\nPages:\\s+(\\d+).*", "$1"));
	}

	static String text(Path pdf) throws IOException, InterruptedException {
		return run("pdftotext", "-enc", "UTF-8", "-layout", pdf.toString(), "-");
	}

	/**
	 * @return what the QR code on the page (counted from 1) says, read from a 150 dpi picture of it
	 */
	static String qrCode(Path pdf, int page) throws IOException, InterruptedException, NotFoundException {
		Path picture = Files.createTempDirectory("poster-page").resolve("page");
		run("pdftoppm", "-r", "150", "-png", "-singlefile", "-f", String.valueOf(page), "-l", String.valueOf(page),
				pdf.toString(), picture.toString());
		return qrCode(ImageIO.read(picture.resolveSibling("page.png").toFile()));
	}

	static String qrCode(BufferedImage picture) throws NotFoundException {
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))),
					Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		}
		catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException unreadable) {
			throw new AssertionError("the QR code cannot be read", unreadable);
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
