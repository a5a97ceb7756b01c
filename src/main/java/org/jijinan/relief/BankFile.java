package org.jijinan.relief;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jijinan.shared.Digests;

/**
 * The payout file for the bank (代发文件), docs/relief.md describes its layout: UTF-8 CSV, one header line, one line
 * per order in the order of their identifiers, and a last line {@code #hmac-sha256=<hex>} over every byte before it,
 * with the key agreed with the bank. The same batch always gives the same bytes.
 */
final class BankFile {

	static final String HEADER = "batch,order,payee_name,account,bank,amount,purpose";

	private BankFile() {
	}

	static Written write(String batchNumber, List<Line> lines, byte[] key) {
		StringBuilder body = new StringBuilder(HEADER).append('\n');
		for (Line line : lines) {
			body.append(String.join(",", batchNumber, line.order(), field(line.payeeName()), line.account(),
					field(line.bank()), line.amount().toPlainString(), field(line.purpose())))
				.append('\n');
		}
		byte[] content = body.toString().getBytes(StandardCharsets.UTF_8);
		String hmac = hmac(content, key);
		byte[] trailer = ("#hmac-sha256=" + hmac + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[content.length + trailer.length];
		System.arraycopy(content, 0, file, 0, content.length);
		System.arraycopy(trailer, 0, file, content.length, trailer.length);
		return new Written(file, hmac);
	}

	/**
	 * A written file.
	 *
	 * @param bytes its content, trailer included
	 * @param hmac the HMAC in its trailer
	 */
	record Written(byte[] bytes, String hmac) {
	}

	static String hmac(byte[] content, byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(content));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	static String sha256(byte[] content) {
		return Digests.sha256(content);
	}

	/** Names and banks never hold commas, quotes or line breaks in the file; they are replaced by spaces. */
	private static String field(String text) {
		return text.replaceAll("[,\"\\r\\n]", " ");
	}

	/**
	 * One transfer.
	 */
	record Line(String order, String payeeName, String account, String bank, BigDecimal amount, String purpose) {
	}

}
