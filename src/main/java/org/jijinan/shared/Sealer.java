package org.jijinan.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets and sensitive fields for storage (AES-256-GCM, a fresh 96-bit nonce per value, the purpose bound
 * as associated data) and derives keyed hashes for exact look-up. The keys come from {@link KeyRing}, never from
 * the database or the repository. A sealed value names the master key that sealed it ({@code v2:…}), so values
 * sealed before a rotation open until they are sealed again; look-up hashes use a key that does not rotate, so a
 * value hashed years ago is still found.
 */
@Component
public class Sealer {

	private static final int NONCE_BYTES = 12;

	/** GCM's authentication tag, at the end of every sealed value. */
	private static final int TAG_BYTES = 16;

	private final KeyRing keys;

	private final Map<Integer, SecretKey> encryption = new ConcurrentHashMap<>();

	private final SecretKey hashing;

	private final SecureRandom random = new SecureRandom();

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	Sealer(KeyRing keys) {
		this.keys = keys;
		this.hashing = new SecretKeySpec(keys.standing("lookup-hash"), "HmacSHA256");
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
			int number = keys.current();
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key(number), new GCMParameterSpec(TAG_BYTES * 8, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return prefix(number) + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("AES-GCM unavailable", impossible);
		}
	}

	/**
	 * @param sealed a value produced by {@link #seal(String, String)}
	 * @param purpose the same purpose
	 * @return the plain value
	 * @throws IllegalStateException when the value was altered, sealed for another purpose or with a key the ring no
	 * longer holds
	 */
	public String open(String sealed, String purpose) {
		try {
			int colon = sealed.indexOf(':');
			int number = sealed.startsWith("v") ? Integer.parseInt(sealed, 1, colon, 10) : -1;
			byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
			if (in.length < NONCE_BYTES + TAG_BYTES) {
				throw new IllegalStateException("Sealed value cannot be opened (" + purpose + ")");
			}
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key(number), new GCMParameterSpec(TAG_BYTES * 8, in, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException
				| ProviderException broken) {
			throw new IllegalStateException("Sealed value cannot be opened (" + purpose + ")");
		}
	}

	/**
	 * @param number a master key's number
	 * @return how every value that key seals begins ({@code v2:}), for finding them in a column
	 */
	public static String prefix(int number) {
		return "v" + number + ":";
	}

	/**
	 * @param sealed a value sealed with any key of the ring
	 * @param purpose what the value is
	 * @return the same value sealed with the current master key
	 */
	public String reseal(String sealed, String purpose) {
		return seal(open(sealed, purpose), purpose);
	}

	private SecretKey key(int number) throws GeneralSecurityException {
		if (!keys.keys().masters().containsKey(number)) {
			encryption.remove(number);
			throw new GeneralSecurityException("no master key " + number);
		}
		SecretKey key = encryption.get(number);
		if (key == null) {
			key = new SecretKeySpec(keys.keys().derive("field-encryption", number), "AES");
			encryption.put(number, key);
		}
		return key;
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
