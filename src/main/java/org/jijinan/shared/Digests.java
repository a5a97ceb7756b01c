package org.jijinan.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: token hashes, file fingerprints, content hashes for idempotency.
 */
public final class Digests {

	private Digests() {
	}

	/**
	 * @return the SHA-256 of the bytes, 64 hex characters
	 */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 unavailable", impossible);
		}
	}

	/**
	 * @return the SHA-256 of the text's UTF-8 bytes, 64 hex characters
	 */
	public static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

}
