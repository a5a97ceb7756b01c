package org.jijinan.backup;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key sealed under the county's backup passphrase, so that a backup never holds the plain key: PBKDF2
 * with HMAC-SHA256 stretches the passphrase (a fresh salt per backup) into one key that seals the master key with
 * AES-256-GCM and another that authenticates the backup's manifest. A wrong passphrase opens nothing.
 */
final class KeyCustody {

	/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
	static final int ITERATIONS = 600_000;

	/** The shortest passphrase accepted for a new backup, as for staff passwords (S13). */
	static final int SHORTEST_PASSPHRASE = 12;

	private static final int NONCE_BYTES = 12;

	private static final byte[] PURPOSE = "jijinan/backup/master-key".getBytes(StandardCharsets.UTF_8);

	private final byte[] salt;

	private final int iterations;

	private final SecretKeySpec sealing;

	private final SecretKeySpec manifest;

	private KeyCustody(char[] passphrase, byte[] salt, int iterations) {
		this.salt = salt.clone();
		this.iterations = iterations;
		byte[] stretched = stretch(passphrase, salt, iterations);
		this.sealing = new SecretKeySpec(stretched, 0, 32, "AES");
		this.manifest = new SecretKeySpec(stretched, 32, 32, "HmacSHA256");
		Arrays.fill(stretched, (byte) 0);
	}

	/**
	 * @param passphrase the county's backup passphrase
	 * @return custody with a fresh salt, for a new backup
	 * @throws BackupRefused when the passphrase is shorter than {@value #SHORTEST_PASSPHRASE} characters
	 */
	static KeyCustody forNewBackup(char[] passphrase) {
		if (passphrase.length < SHORTEST_PASSPHRASE) {
			throw new BackupRefused("The backup passphrase must have at least " + SHORTEST_PASSPHRASE
					+ " characters (备份口令至少 " + SHORTEST_PASSPHRASE + " 个字符)");
		}
		byte[] salt = new byte[16];
		new SecureRandom().nextBytes(salt);
		return new KeyCustody(passphrase, salt, ITERATIONS);
	}

	/**
	 * @param passphrase what the person restoring typed
	 * @param sealed the backup's sealed key
	 * @return custody for that backup
	 */
	static KeyCustody forSealed(char[] passphrase, SealedKey sealed) {
		if (sealed.iterations() < 100_000 || sealed.iterations() > 10_000_000) {
			throw new BackupRefused("The sealed key names an implausible iteration count; the backup was altered");
		}
		return new KeyCustody(passphrase, decode(sealed.salt()), sealed.iterations());
	}

	SealedKey seal(byte[] masterKey) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			new SecureRandom().nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(PURPOSE);
			byte[] sealed = cipher.doFinal(masterKey);
			Base64.Encoder base64 = Base64.getEncoder();
			return new SealedKey("PBKDF2-HMAC-SHA256/AES-256-GCM", iterations, base64.encodeToString(salt),
					base64.encodeToString(nonce), base64.encodeToString(sealed));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("AES-GCM unavailable", impossible);
		}
	}

	/**
	 * @return the master key
	 * @throws BackupRefused when the passphrase is wrong or the sealed key was altered
	 */
	byte[] open(SealedKey sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(128, decode(sealed.nonce())));
			cipher.updateAAD(PURPOSE);
			return cipher.doFinal(decode(sealed.ciphertext()));
		}
		catch (javax.crypto.AEADBadTagException wrong) {
			throw new BackupRefused("Wrong passphrase: the backup's key cannot be opened with it (口令不正确，无法打开备份的密钥)");
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("AES-GCM unavailable", impossible);
		}
	}

	/**
	 * @return the HMAC-SHA256 (hex) that authenticates a manifest's text
	 */
	String authenticate(String manifestText) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(manifest);
			return HexFormat.of().formatHex(mac.doFinal(manifestText.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	private static byte[] stretch(char[] passphrase, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(normalised(passphrase), salt, iterations, 512);
			try {
				return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			}
			finally {
				spec.clearPassword();
			}
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("PBKDF2 unavailable", impossible);
		}
	}

	/** The JDK's PBKDF2 takes only the low byte of each char; the passphrase is stretched from its UTF-8 bytes. */
	private static char[] normalised(char[] passphrase) {
		ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
		char[] chars = new char[bytes.remaining()];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (char) (bytes.get() & 0xff);
		}
		return chars;
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException altered) {
			throw new BackupRefused("The sealed key is not readable; the backup was altered");
		}
	}

	/**
	 * The master key as a backup keeps it.
	 */
	record SealedKey(String scheme, int iterations, String salt, String nonce, String ciphertext) {
	}

}
