package org.jijinan.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.jijinan.backup.Manifest.Part;

/**
 * Takes a backup into an empty folder and restores one into an empty database, checking everything it can before it
 * writes: a backup that fails leaves no manifest (and removes what it wrote), a restore that is refused has written
 * nothing.
 */
public final class Backups {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Backups() {
	}

	/**
	 * What a backup copies.
	 *
	 * @param database a connection to the platform's database as a role that may read every table
	 * @param keyRing the platform's key ring in its portable form ({@link org.jijinan.shared.KeyMaterial#portable()})
	 * @param folders the platform's file folders by their name in the backup
	 */
	public record Source(DataSource database, byte[] keyRing, Map<String, Path> folders) {
	}

	/**
	 * Where a restore writes.
	 *
	 * @param database an empty database, as a role that owns the schema and may load as a replica does
	 * @param folders the platform's file folders by their name in the backup (empty)
	 * @param schema builds the schema up to a version with this release's migrations
	 */
	public record Target(DataSource database, Map<String, Path> folders, SchemaBuilder schema) {
	}

	/**
	 * Builds the schema with the release's own migrations.
	 */
	@FunctionalInterface
	public interface SchemaBuilder {

		/**
		 * @param schemaVersion the version to stop at
		 * @throws BackupRefused when this release does not know the version (a backup of a newer release)
		 */
		void buildUpTo(String schemaVersion);

	}

	/**
	 * @param to a folder that is absent or empty
	 * @param passphrase seals the master key and authenticates the manifest
	 * @param progress told of each table and folder as it is copied
	 * @return the manifest written, after every part was read back and matched
	 * @throws BackupRefused when the folder cannot take a backup or writing fails (full disk, no permission)
	 */
	public static Manifest take(Source source, Path to, char[] passphrase, Consumer<String> progress) {
		KeyCustody custody = KeyCustody.forNewBackup(passphrase);
		boolean created = prepareFolder(to);
		try {
			Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			DatabaseCopy.Snapshot snapshot;
			try (Connection connection = source.database().getConnection()) {
				snapshot = DatabaseCopy.dump(connection, to, progress);
			}
			List<Part> parts = new ArrayList<>(snapshot.parts());
			for (Map.Entry<String, Path> folder : source.folders().entrySet()) {
				List<Part> files = FolderCopy.copy(folder.getKey(), folder.getValue(), to);
				parts.addAll(files);
				progress.accept("files " + folder.getKey() + ": " + files.size());
			}
			Manifest manifest = new Manifest(Manifest.FORMAT, at.toString(), snapshot.schemaVersion(),
					snapshot.server(), parts, snapshot.tables(), snapshot.sequences(), custody.seal(source.keyRing()),
					null);
			manifest = manifest.withMac(custody.authenticate(JSON.writeValueAsString(manifest)));
			for (Part part : parts) {
				Parts.check(to, part);
			}
			progress.accept("verified " + parts.size() + " parts");
			Path partial = to.resolve(Manifest.FILE_NAME + ".part");
			Files.writeString(partial, JSON.writeValueAsString(manifest), StandardCharsets.UTF_8);
			Files.move(partial, to.resolve(Manifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
			return manifest;
		}
		catch (IOException | SQLException | RuntimeException failed) {
			removeWritten(to, created);
			throw refusal(failed, to);
		}
	}

	/**
	 * Reads a backup's manifest and checks every part's size and SHA-256; needs no passphrase.
	 * @throws BackupRefused when the backup is incomplete, truncated or altered
	 */
	public static Manifest check(Path from) {
		Path file = from.resolve(Manifest.FILE_NAME);
		Manifest manifest;
		try {
			manifest = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Manifest.class);
		}
		catch (NoSuchFileException missing) {
			throw new BackupRefused("No backup in " + from.toAbsolutePath() + ": it has no " + Manifest.FILE_NAME
					+ " (a backup that did not finish has none) (此文件夹中没有完整的备份)");
		}
		catch (IOException | JacksonException unreadable) {
			throw new BackupRefused("The backup's " + Manifest.FILE_NAME + " cannot be read: it is truncated or altered");
		}
		if (manifest.format() != Manifest.FORMAT || manifest.parts() == null || manifest.tables() == null
				|| manifest.sequences() == null || manifest.key() == null || manifest.mac() == null) {
			throw new BackupRefused("The backup's " + Manifest.FILE_NAME + " is of an unknown format or incomplete");
		}
		if (manifest.parts().stream().anyMatch(part -> part == null || part.path() == null || part.sha256() == null)
				|| manifest.tables().stream().anyMatch(table -> table == null || table.table() == null
						|| table.columns() == null || table.sha256() == null || table.part() == null)
				|| manifest.sequences().stream().anyMatch(sequence -> sequence == null || sequence.sequence() == null)) {
			throw new BackupRefused("The backup's " + Manifest.FILE_NAME + " has incomplete entries: it was altered");
		}
		for (Part part : manifest.parts()) {
			Parts.check(from, part);
		}
		return manifest;
	}

	/**
	 * @return the key ring the backup sealed (a single master key's 32 bytes in backups made before keys were
	 * numbered)
	 * @throws BackupRefused when the passphrase is wrong or the manifest was altered
	 */
	public static byte[] openKey(Manifest manifest, char[] passphrase) {
		KeyCustody custody = KeyCustody.forSealed(passphrase, manifest.key());
		byte[] key = custody.open(manifest.key());
		String expected = custody.authenticate(JSON.writeValueAsString(manifest.withMac(null)));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				String.valueOf(manifest.mac()).getBytes(StandardCharsets.US_ASCII))) {
			throw new BackupRefused("The backup's manifest was altered after it was written (备份清单已被改动)");
		}
		return key;
	}

	/**
	 * Checks that the target can take the backup before anything is written.
	 * @throws BackupRefused when the database or a folder is not empty, or the role may not load
	 */
	public static void checkTarget(Target target) {
		try (Connection connection = target.database().getConnection()) {
			if (!DatabaseCopy.empty(connection)) {
				throw new BackupRefused("The target database is not empty: a restore writes into an empty database "
						+ "only (目标数据库不是空的)");
			}
			DatabaseCopy.checkMayLoad(connection);
			for (Map.Entry<String, Path> folder : target.folders().entrySet()) {
				if (!FolderCopy.empty(folder.getValue())) {
					throw new BackupRefused("The folder " + folder.getValue().toAbsolutePath() + " (" + folder.getKey()
							+ ") is not empty: a restore writes into empty folders only");
				}
			}
		}
		catch (SQLException | IOException failed) {
			throw new BackupRefused("The restore target cannot be checked: " + failed.getMessage(), failed);
		}
	}

	/**
	 * Restores a checked backup into a checked target: builds the schema up to the backup's version, loads every
	 * table in one transaction, puts the files back.
	 * @return the rows of each table after the restore
	 */
	public static Map<String, Long> restore(Path from, Manifest manifest, Target target, Consumer<String> progress) {
		checkTarget(target);
		target.schema().buildUpTo(manifest.schemaVersion());
		try (Connection connection = target.database().getConnection()) {
			DatabaseCopy.load(connection, from, manifest, progress);
			for (Map.Entry<String, Path> folder : target.folders().entrySet()) {
				int files = FolderCopy.restore(folder.getKey(), manifest.parts(), from, folder.getValue());
				progress.accept("files " + folder.getKey() + ": " + files);
			}
			Map<String, Long> counts = new LinkedHashMap<>(DatabaseCopy.counts(connection));
			for (Manifest.TableContent table : manifest.tables()) {
				if (counts.getOrDefault(table.table(), -1L) != table.rows()) {
					throw new BackupRefused("Table " + table.table() + " holds " + counts.get(table.table())
							+ " rows after the restore, the backup " + table.rows());
				}
			}
			return counts;
		}
		catch (SQLException | IOException failed) {
			throw new BackupRefused("The restore failed: " + failed.getMessage(), failed);
		}
	}

	private static boolean prepareFolder(Path to) {
		try {
			if (Files.exists(to.resolve(Manifest.FILE_NAME))) {
				throw new BackupRefused("The folder " + to.toAbsolutePath() + " already holds a backup; give a new "
						+ "folder (该文件夹中已有备份)");
			}
			if (Files.exists(to) && !Files.isDirectory(to)) {
				throw new BackupRefused(to.toAbsolutePath() + " is a file, not a folder");
			}
			if (Files.isDirectory(to)) {
				try (Stream<Path> entries = Files.list(to)) {
					if (entries.findAny().isPresent()) {
						throw new BackupRefused("The folder " + to.toAbsolutePath() + " is not empty; a backup goes "
								+ "into a new or empty folder (备份文件夹必须是新的或空的)");
					}
				}
				Path probe = Files.createTempFile(to, "write-test", ".tmp");
				Files.delete(probe);
				return false;
			}
			Files.createDirectories(to);
			return true;
		}
		catch (IOException failed) {
			throw refusal(failed, to);
		}
	}

	private static void removeWritten(Path to, boolean created) {
		try (Stream<Path> walk = Files.walk(to)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				if (created || !path.equals(to)) {
					Files.deleteIfExists(path);
				}
			}
		}
		catch (IOException | RuntimeException leftOver) {
			// what remains has no manifest, so it is never taken for a backup
		}
	}

	private static BackupRefused refusal(Exception failed, Path to) {
		if (failed instanceof BackupRefused refused) {
			return refused;
		}
		String where = to.toAbsolutePath().toString();
		if (failed instanceof AccessDeniedException) {
			return new BackupRefused("No permission to write in " + where + " (没有写入权限)", failed);
		}
		if (failed instanceof FileSystemException || failed instanceof IOException) {
			String message = String.valueOf(failed.getMessage());
			if (message.contains("No space left")) {
				return new BackupRefused("The disk holding " + where + " is full; nothing was kept (磁盘已满，备份未保留)",
						failed);
			}
			return new BackupRefused("Writing the backup to " + where + " failed: " + message, failed);
		}
		if (failed instanceof SQLException) {
			return new BackupRefused("Reading the database failed: " + failed.getMessage(), failed);
		}
		return new BackupRefused("The backup failed: " + failed, failed);
	}

}
