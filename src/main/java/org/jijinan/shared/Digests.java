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
		return HexFormat.of().formatHex(sha256Digest().digest(content));
	}

	/**
	 * @return a fresh SHA-256 digest, for content hashed as it streams
	 */
	public static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
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
