package org.jijinan.shared;

import java.nio.file.Path;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The platform's numbered master keys. An embedded installation keeps them in the key folder of its data folder
 * (the first generated on the first start, later ones added by {@link #rotate()}); an external database's
 * installation takes them from the environment. Purpose keys are derived with HMAC-SHA256, so one secret protects
 * fields and the audit chain without ever using one key for two jobs. Values are sealed with the highest-numbered
 * key; older ones open what they sealed until it is sealed again and they are retired, keeping only the derived keys
 * old audit records and look-up hashes need.
 */
@Component
public class KeyRing {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	private final @Nullable Path folder;

	private volatile KeyMaterial keys;

	KeyRing(KeySettings settings, DeploymentMode mode) {
		boolean configured = settings.master() != null && !settings.master().isBlank()
				|| settings.ring() != null && !settings.ring().isBlank();
		if (configured) {
			this.folder = null;
			this.keys = KeyMaterial.fromSettings(settings.master(), settings.ring(), settings.retired());
		}
		else if (!mode.embeddedDatabase()) {
			throw new IllegalStateException("No master key: set JIJINAN_KEYS_MASTER (Base64 of 32 random bytes) "
					+ "when the platform runs on an external database");
		}
		else {
			this.folder = settings.file().toAbsolutePath().getParent();
			this.keys = fromFolder(this.folder);
		}
	}

	private static KeyMaterial fromFolder(Path folder) {
		if (!KeyMaterial.present(folder)) {
			KeyMaterial.single(KeyMaterial.fresh()).write(folder);
			log.info("Generated a new master key file in the data folder");
		}
		return KeyMaterial.read(folder);
	}

	/**
	 * @return the number of the key that seals new values
	 */
	public int current() {
		return keys.current();
	}

	/**
	 * @return the ring as it is now
	 */
	public KeyMaterial keys() {
		return keys;
	}

	/**
	 * @param purpose what the key is for
	 * @return 32 bytes derived from the current master key for that purpose only
	 */
	public byte[] derive(String purpose) {
		KeyMaterial now = keys;
		return now.derive(purpose, now.current());
	}

	/**
	 * For keys that must stay the same across rotations (look-up hashes find values hashed years ago).
	 * @param purpose what the key is for, one of {@link KeyMaterial#RETAINED}
	 * @return 32 bytes derived from the first master key, or kept from it after its retirement
	 */
	public byte[] standing(String purpose) {
		return keys.derive(purpose, KeyMaterial.FIRST);
	}

	/**
	 * @param purpose what the keys are for
	 * @return every key the ring can give for that purpose, by master key number
	 */
	public SortedMap<Integer, byte[]> history(String purpose) {
		return keys.history(purpose);
	}

	/**
	 * @return whether this installation rotates its own keys (embedded), rather than taking them from the
	 * environment
	 */
	public boolean rotatable() {
		return folder != null;
	}

	/**
	 * Adds a new master key that seals every value from now on; the key file is written before it is used.
	 * @return its number
	 */
	public synchronized int rotate() {
		Path keyFolder = requireFolder();
		KeyMaterial next = keys.with(KeyMaterial.fresh());
		next.write(keyFolder);
		keys = next;
		log.info("Master key {} now seals new values", next.current());
		return next.current();
	}

	/**
	 * Removes an older master key's file, keeping only the keys derived from it that old audit records and look-up
	 * hashes need. The caller makes sure nothing is sealed with it any more.
	 * @param number the key to retire
	 */
	public synchronized void retire(int number) {
		Path keyFolder = requireFolder();
		KeyMaterial next = keys.without(number);
		next.write(keyFolder);
		keys = next;
		log.info("Master key {} retired", number);
	}

	private Path requireFolder() {
		if (folder == null) {
			throw new IllegalStateException("Keys from the environment are rotated in the environment");
		}
		return folder;
	}

}
