package org.jijinan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The platform's master key, from {@code jijinan.keys.master} (Base64 of 32 bytes, from the environment in
 * production) or, on an embedded database, from a key file in the data folder that is generated on the first start.
 * Purpose keys are derived from it with HMAC-SHA256, so one secret protects fields, look-up hashes and the audit
 * chain without ever using one key for two jobs.
 */
@Component
public class KeyRing {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	private final byte[] master;

	KeyRing(KeySettings settings, DeploymentMode mode) {
		this.master = load(settings, mode);
	}

	/**
	 * @param purpose what the key is for
	 * @return 32 bytes derived from the master key for that purpose only
	 */
	public byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(("jijinan/" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	/**
	 * For backups only, which seal it under the county's passphrase before it leaves the process.
	 * @return a copy of the master key
	 */
	public byte[] masterKeyForBackup() {
		return master.clone();
	}

	private static byte[] load(KeySettings settings, DeploymentMode mode) {
		if (settings.master() != null && !settings.master().isBlank()) {
			return decode(settings.master());
		}
		if (!mode.embeddedDatabase()) {
			throw new IllegalStateException("No master key: set JIJINAN_KEYS_MASTER (Base64 of 32 random bytes) "
					+ "when the platform runs on an external database");
		}
		return fromFile(settings.file());
	}

	private static byte[] fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
				restrict(file);
				log.info("Generated a new master key file in the data folder");
			}
			return decode(Files.readString(file).strip());
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("Master key file cannot be read or created", unreadable);
		}
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException | UnsupportedOperationException notPosix) {
			log.warn("Could not restrict the permissions of the master key file");
		}
	}

	private static byte[] decode(String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException("The master key must be 32 bytes (Base64-encoded)");
		}
		return key;
	}

}
