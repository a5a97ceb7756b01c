package org.jijinan.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets and sensitive fields for storage (AES-256-GCM, a fresh 96-bit nonce per value, the purpose bound
 * as associated data) and derives keyed hashes for exact look-up. The key comes from {@link KeyRing}, never from
 * the database or the repository.
 */
@Component
public class Sealer {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private final SecretKey encryption;

	private final SecretKey hashing;

	private final SecureRandom random = new SecureRandom();

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	Sealer(KeyRing keys) {
		this.encryption = new SecretKeySpec(keys.derive("field-encryption"), "AES");
		this.hashing = new SecretKeySpec(keys.derive("lookup-hash"), "HmacSHA256");
	}

	/**
	 * @param plain the value to protect
	 * @param purpose what the value is (bound to the ciphertext so it cannot be moved to another column)
	 * @return printable ciphertext
	 */
	public String seal(String plain, String purpose) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("AES-GCM unavailable", impossible);
		}
	}

	/**
	 * @param sealed a value produced by {@link #seal(String, String)}
	 * @param purpose the same purpose
	 * @return the plain value
	 * @throws IllegalStateException when the value was altered, sealed for another purpose or with another key
	 */
	public String open(String sealed, String purpose) {
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException broken) {
			throw new IllegalStateException("Sealed value cannot be opened (" + purpose + ")");
		}
	}

	private static Cipher instance(String transformation) {
		try {
			return Cipher.getInstance(transformation);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(transformation + " unavailable", impossible);
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashing);
			return mac;
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	/**
	 * @param value a value to find again later (such as an ID number)
	 * @param purpose what the value is
	 * @return a keyed hash, hex, equal for equal values and purposes
	 */
	public String lookupHash(String value, String purpose) {
		Mac mac = macs.get();
		mac.update(purpose.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

}
