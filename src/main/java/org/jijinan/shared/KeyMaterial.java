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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The keys of a ring at one moment: numbered master keys (the highest seals new values) and, for each retired master
 * key, only the keys derived from it that old records still need (the audit chain's, the look-up hashes') — never the
 * retired key itself, which could open sealed values. Immutable; rotation and retirement make a new one.
 *
 * <p>Two forms outside the process: a key folder ({@code master.key} is number 1, {@code master-N.key} number N, one
 * line of Base64 each; {@code retired-N.key} lines of {@code purpose Base64}) and a portable text for backups
 * ({@code master N Base64} and {@code retired N purpose Base64} lines).
 *
 * @param masters the master keys by number, 32 bytes each
 * @param retired what is kept of retired master keys: by number, the derived key by purpose
 */
public record KeyMaterial(SortedMap<Integer, byte[]> masters, SortedMap<Integer, Map<String, byte[]>> retired) {

	/** The purposes whose derived keys outlive their master key. */
	public static final List<String> RETAINED = List.of("audit-chain", "lookup-hash", "relief.bank-file");

	/** The number of the first key, from which keys that never change across rotations are derived. */
	public static final int FIRST = 1;

	private static final Pattern MASTER_FILE = Pattern.compile("master(?:-(\\d{1,4}))?\\.key");

	private static final Pattern RETIRED_FILE = Pattern.compile("retired-(\\d{1,4})\\.key");

	public KeyMaterial {
		masters = Collections.unmodifiableSortedMap(new TreeMap<>(masters));
		retired = Collections.unmodifiableSortedMap(new TreeMap<>(retired));
		if (masters.isEmpty()) {
			throw new IllegalStateException("The key ring holds no master key");
		}
		masters.values().forEach(KeyMaterial::checkLength);
	}

	/**
	 * @return the number of the key that seals new values
	 */
	public int current() {
		return masters.lastKey();
	}

	/**
	 * @param purpose what the key is for
	 * @param number which master key it comes from
	 * @return 32 bytes for that purpose only
	 * @throws IllegalStateException when the ring holds neither that master key nor its retained derivation
	 */
	public byte[] derive(String purpose, int number) {
		byte[] master = masters.get(number);
		if (master != null) {
			return hmac(master, "jijinan/" + purpose);
		}
		Map<String, byte[]> kept = retired.get(number);
		if (kept != null && kept.containsKey(purpose)) {
			return kept.get(purpose).clone();
		}
		throw new IllegalStateException("The key ring no longer holds key " + number + " for " + purpose);
	}

	/**
	 * @param purpose what the keys are for
	 * @return every key the ring can give for that purpose, by master key number
	 */
	public SortedMap<Integer, byte[]> history(String purpose) {
		SortedMap<Integer, byte[]> keys = new TreeMap<>();
		retired.forEach((number, kept) -> {
			if (kept.containsKey(purpose)) {
				keys.put(number, kept.get(purpose).clone());
			}
		});
		masters.keySet().forEach(number -> keys.put(number, derive(purpose, number)));
		return keys;
	}

	/**
	 * @param fresh 32 new random bytes
	 * @return this ring with a new master key that seals from now on
	 */
	KeyMaterial with(byte[] fresh) {
		SortedMap<Integer, byte[]> next = new TreeMap<>(masters);
		next.put(Math.max(current(), retired.isEmpty() ? 0 : retired.lastKey()) + 1, fresh.clone());
		return new KeyMaterial(next, retired);
	}

	/**
	 * @param number a master key that no longer seals anything
	 * @return this ring without it, keeping only its {@link #RETAINED} derivations
	 */
	public KeyMaterial without(int number) {
		if (number == current() || !masters.containsKey(number)) {
			throw new IllegalStateException("Key " + number + " cannot be retired");
		}
		Map<String, byte[]> kept = new TreeMap<>();
		RETAINED.forEach(purpose -> kept.put(purpose, derive(purpose, number)));
		SortedMap<Integer, byte[]> left = new TreeMap<>(masters);
		left.remove(number);
		SortedMap<Integer, Map<String, byte[]>> nextRetired = new TreeMap<>(retired);
		nextRetired.put(number, Collections.unmodifiableMap(kept));
		return new KeyMaterial(left, nextRetired);
	}

	/**
	 * @return the ring as text, for sealing into a backup
	 */
	public byte[] portable() {
		StringBuilder text = new StringBuilder();
		masters.forEach((number, key) -> text.append("master ").append(number).append(' ').append(base64(key))
			.append('\n'));
		retired.forEach((number, kept) -> kept.forEach((purpose, key) -> text.append("retired ").append(number)
			.append(' ').append(purpose).append(' ').append(base64(key)).append('\n')));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @param portable what {@link #portable()} gave, or the 32 bytes of a single master key (backups made before
	 * keys were numbered)
	 * @return the ring
	 * @throws IllegalStateException when the text is not a ring
	 */
	public static KeyMaterial parse(byte[] portable) {
		if (portable.length == 32) {
			return single(portable);
		}
		SortedMap<Integer, byte[]> masters = new TreeMap<>();
		SortedMap<Integer, Map<String, byte[]>> retired = new TreeMap<>();
		for (String line : new String(portable, StandardCharsets.UTF_8).split("\n")) {
			String[] parts = line.strip().split(" ");
			if (parts.length == 3 && parts[0].equals("master")) {
				masters.put(number(parts[1]), decode(parts[2]));
			}
			else if (parts.length == 4 && parts[0].equals("retired")) {
				retired.computeIfAbsent(number(parts[1]), any -> new TreeMap<>()).put(parts[2], decode(parts[3]));
			}
			else if (!line.isBlank()) {
				throw new IllegalStateException("Not a key ring");
			}
		}
		return new KeyMaterial(masters, retired);
	}

	/**
	 * @param master the first key, Base64
	 * @param ring later keys, {@code number:Base64} separated by commas
	 * @param retired retained derivations, {@code number/purpose:Base64} separated by commas
	 * @return the ring
	 */
	public static KeyMaterial fromSettings(@Nullable String master, @Nullable String ring, @Nullable String retired) {
		SortedMap<Integer, byte[]> masters = new TreeMap<>();
		if (master != null && !master.isBlank()) {
			masters.put(FIRST, decode(master.strip()));
		}
		SortedMap<Integer, Map<String, byte[]>> kept = new TreeMap<>();
		for (String entry : entries(ring)) {
			String[] parts = entry.split(":", 2);
			masters.put(number(parts[0]), decode(parts.length == 2 ? parts[1] : ""));
		}
		for (String entry : entries(retired)) {
			String[] parts = entry.split("[/:]", 3);
			if (parts.length != 3) {
				throw new IllegalStateException("JIJINAN_KEYS_RETIRED entries look like 1/audit-chain:Base64");
			}
			kept.computeIfAbsent(number(parts[0]), any -> new TreeMap<>()).put(parts[1], decode(parts[2]));
		}
		return new KeyMaterial(masters, kept);
	}

	/**
	 * @return the ring as settings for an installation whose keys come from the environment: property name
	 * ({@code jijinan.keys.master}, {@code .ring}, {@code .retired}) to value
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		List<String> ring = new ArrayList<>();
		masters.forEach((number, key) -> {
			if (number == FIRST) {
				properties.put("jijinan.keys.master", base64(key));
			}
			else {
				ring.add(number + ":" + base64(key));
			}
		});
		if (!ring.isEmpty()) {
			properties.put("jijinan.keys.ring", String.join(",", ring));
		}
		List<String> kept = new ArrayList<>();
		retired.forEach((number, derived) -> derived
			.forEach((purpose, key) -> kept.add(number + "/" + purpose + ":" + base64(key))));
		if (!kept.isEmpty()) {
			properties.put("jijinan.keys.retired", String.join(",", kept));
		}
		return properties;
	}

	/**
	 * @param folder a key folder
	 * @return whether it holds any key file
	 */
	public static boolean present(Path folder) {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString())
				.anyMatch(name -> MASTER_FILE.matcher(name).matches() || RETIRED_FILE.matcher(name).matches());
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("The key folder cannot be read", unreadable);
		}
	}

	/**
	 * @param folder a key folder
	 * @return the ring it holds
	 * @throws IllegalStateException when it holds no master key or a file is not a key
	 */
	public static KeyMaterial read(Path folder) {
		SortedMap<Integer, byte[]> masters = new TreeMap<>();
		SortedMap<Integer, Map<String, byte[]>> retired = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				Matcher master = MASTER_FILE.matcher(name);
				Matcher kept = RETIRED_FILE.matcher(name);
				if (master.matches()) {
					masters.put(master.group(1) == null ? FIRST : number(master.group(1)),
							decode(Files.readString(file).strip()));
				}
				else if (kept.matches()) {
					Map<String, byte[]> derived = new TreeMap<>();
					for (String line : Files.readAllLines(file)) {
						String[] parts = line.strip().split(" ");
						if (parts.length == 2) {
							derived.put(parts[0], decode(parts[1]));
						}
					}
					retired.put(number(kept.group(1)), derived);
				}
			}
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("The key folder cannot be read", unreadable);
		}
		return new KeyMaterial(masters, retired);
	}

	/**
	 * Writes the files this ring has and the folder lacks (never overwriting a key), then removes the master key
	 * files of keys the ring has retired.
	 * @param folder a key folder
	 */
	public void write(Path folder) {
		try {
			Files.createDirectories(folder);
			for (var master : masters.entrySet()) {
				Path file = folder.resolve(master.getKey() == FIRST ? "master.key" : "master-" + master.getKey() + ".key");
				if (!Files.exists(file)) {
					writeSecret(file, base64(master.getValue()));
				}
			}
			for (var kept : retired.entrySet()) {
				Path file = folder.resolve("retired-" + kept.getKey() + ".key");
				if (!Files.exists(file)) {
					StringBuilder lines = new StringBuilder();
					kept.getValue().forEach((purpose, key) -> lines.append(purpose).append(' ').append(base64(key))
						.append('\n'));
					writeSecret(file, lines.toString());
				}
				Files.deleteIfExists(
						folder.resolve(kept.getKey() == FIRST ? "master.key" : "master-" + kept.getKey() + ".key"));
			}
		}
		catch (IOException unwritable) {
			throw new UncheckedIOException("The key folder cannot be written", unwritable);
		}
	}

	/**
	 * @param key the 32 bytes of key number 1
	 * @return a ring of that key alone
	 */
	static KeyMaterial single(byte[] key) {
		return new KeyMaterial(new TreeMap<>(Map.of(FIRST, key.clone())), new TreeMap<>());
	}

	/**
	 * @return 32 random bytes for a new master key
	 */
	static byte[] fresh() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	private static void writeSecret(Path file, String content) throws IOException {
		Path part = file.resolveSibling(file.getFileName() + ".part");
		Files.deleteIfExists(part);
		Files.writeString(part, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
		try {
			Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the folder's own permissions protect it
		}
		Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static List<String> entries(@Nullable String list) {
		return list == null || list.isBlank() ? List.of()
				: Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
	}

	private static int number(String text) {
		try {
			int number = Integer.parseInt(text.strip());
			if (number < 1 || number > 9999) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException notNumber) {
			throw new IllegalStateException("A key number must be 1 to 9999");
		}
	}

	private static byte[] decode(String base64) {
		try {
			return checkLength(Base64.getDecoder().decode(base64.strip()));
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException("A key must be Base64 of 32 bytes");
		}
	}

	private static byte[] checkLength(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("A key must be Base64 of 32 bytes");
		}
		return key;
	}

	private static String base64(byte[] key) {
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

}
