package org.jijinan.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups and restores between two PostgreSQL servers, as with an external database: what is restored is what was
 * copied, row for row and byte for byte; what is truncated, altered, wrongly unlocked or aimed at a database that
 * holds data is refused before anything is written.
 */
class BackupsTests {

	private static final char[] PASSPHRASE = "县里保管的备份口令 kept in the safe".toCharArray();

	private static EmbeddedPostgres source;

	private static EmbeddedPostgres target;

	@TempDir
	Path folder;

	private final byte[] masterKey = new byte[32];

	@BeforeAll
	static void servers() throws IOException {
		source = EmbeddedPostgres.builder().start();
		target = EmbeddedPostgres.builder().start();
		for (EmbeddedPostgres server : List.of(source, target)) {
			new JdbcTemplate(server.getPostgresDatabase()).execute("create role jijinan_app login");
		}
		migrate(source.getPostgresDatabase(), null);
		JdbcTemplate rows = new JdbcTemplate(source.getPostgresDatabase());
		rows.update("delete from calendar_day where day = date '2025-01-01'");
		rows.update("insert into spring_session values ('11111111-1111-1111-1111-111111111111', "
				+ "'22222222-2222-2222-2222-222222222222', 1, 2, 1800, 3, '县级审核')");
		rows.update("insert into spring_session_attributes values ('11111111-1111-1111-1111-111111111111', 'canary', ?)",
				(Object) "身份证 630000 ✓\u0000\u00ff".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 7; i++) {
			rows.queryForObject("select nextval('intake_request_number_seq')", Long.class);
		}
	}

	@AfterAll
	static void stop() throws IOException {
		source.close();
		target.close();
	}

	@BeforeEach
	void emptyTarget() {
		new SecureRandom().nextBytes(masterKey);
		JdbcTemplate admin = new JdbcTemplate(target.getPostgresDatabase());
		admin.execute("drop schema public cascade");
		admin.execute("create schema public");
	}

	@Test
	void restoresEveryRowByteForByteWithSequencesFilesAndKey() throws Exception {
		Path files = Files.createDirectories(folder.resolve("attachments"));
		byte[] photo = new byte[200_000];
		new SecureRandom().nextBytes(photo);
		Files.write(Files.createDirectories(files.resolve("2026")).resolve("photo"), photo);
		Files.writeString(files.resolve("upload-1.part"), "still arriving");
		Path backup = folder.resolve("backup");

		Manifest taken = Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey,
				Map.of("attachments", files)), backup, PASSPHRASE, line -> { });

		Manifest checked = Backups.check(backup);
		assertThat(Backups.openKey(checked, PASSPHRASE)).isEqualTo(masterKey);
		Path restoredFiles = folder.resolve("restored-attachments");
		Map<String, Long> counts = Backups.restore(backup, checked, target(Map.of("attachments", restoredFiles)),
				line -> { });

		assertThat(counts).isEqualTo(rowsPerTable(source.getPostgresDatabase()));
		assertThat(counts.get("spring_session_attributes")).isEqualTo(1);
		JdbcTemplate restored = new JdbcTemplate(target.getPostgresDatabase());
		assertThat(restored.queryForObject("select count(*) from calendar_day where day = date '2025-01-01'",
				Integer.class)).as("the backup's rows replace what the migrations seed").isZero();
		assertThat(restored.queryForObject("select attribute_bytes from spring_session_attributes", byte[].class))
			.isEqualTo("身份证 630000 ✓\u0000\u00ff".getBytes(StandardCharsets.UTF_8));
		assertThat(restored.queryForObject("select nextval('intake_request_number_seq')", Long.class)).isEqualTo(8);
		assertThat(Files.readAllBytes(restoredFiles.resolve("2026/photo"))).isEqualTo(photo);
		assertThat(restoredFiles.resolve("upload-1.part")).doesNotExist();

		assertThat(schemaObjects(target.getPostgresDatabase()))
			.as("every index, key and constraint is built again after the rows are loaded")
			.isEqualTo(schemaObjects(source.getPostgresDatabase()));

		Manifest again = Backups.take(new Backups.Source(target.getPostgresDatabase(), masterKey, Map.of()),
				folder.resolve("again"), PASSPHRASE, line -> { });
		assertThat(contents(again)).as("every table copies out byte for byte as it was copied in")
			.isEqualTo(contents(taken));
	}

	@Test
	void aTruncatedPartAFlippedByteAnAlteredManifestOrAMissingManifestIsRefused() throws Exception {
		Path backup = folder.resolve("backup");
		Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of()), backup, PASSPHRASE,
				line -> { });
		Path audit = backup.resolve("database/audit_record.copy.gz");

		Path truncated = copy(backup, "truncated");
		try (RandomAccessFile file = new RandomAccessFile(truncated.resolve("database/audit_record.copy.gz").toFile(),
				"rw")) {
			file.setLength(Files.size(audit) / 2);
		}
		assertThatThrownBy(() -> Backups.check(truncated)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("truncated");

		Path flipped = copy(backup, "flipped");
		try (RandomAccessFile file = new RandomAccessFile(flipped.resolve("database/audit_record.copy.gz").toFile(),
				"rw")) {
			file.seek(20);
			int b = file.read();
			file.seek(20);
			file.write(b ^ 0x01);
		}
		assertThatThrownBy(() -> Backups.check(flipped)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("SHA-256");

		Path altered = copy(backup, "altered");
		Path manifest = altered.resolve(Manifest.FILE_NAME);
		Files.writeString(manifest, Files.readString(manifest).replace("\"intake_request_number_seq\",\n    \"lastValue\" : 7",
				"\"intake_request_number_seq\",\n    \"lastValue\" : 1"));
		assertThat(Files.readString(manifest)).contains("\"lastValue\" : 1");
		Manifest readable = Backups.check(altered);
		assertThatThrownBy(() -> Backups.openKey(readable, PASSPHRASE)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("manifest was altered");

		Path unfinished = copy(backup, "unfinished");
		Files.delete(unfinished.resolve(Manifest.FILE_NAME));
		assertThatThrownBy(() -> Backups.check(unfinished)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("no manifest.json");

		Path incomplete = copy(backup, "incomplete");
		Path incompleteManifest = incomplete.resolve(Manifest.FILE_NAME);
		Files.writeString(incompleteManifest, Files.readString(incompleteManifest)
			.replaceFirst("\"sha256\" : \"[0-9a-f]{64}\"", "\"sha256\" : null"));
		assertThatThrownBy(() -> Backups.check(incomplete)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("incomplete entries");

		Path outside = copy(backup, "outside");
		Path outsideManifest = outside.resolve(Manifest.FILE_NAME);
		Files.writeString(outsideManifest,
				Files.readString(outsideManifest).replace("database/audit_record.copy.gz", "../../etc/passwd"));
		assertThatThrownBy(() -> Backups.check(outside)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("outside the backup folder");
		assertThat(tables(target.getPostgresDatabase())).isZero();
	}

	@Test
	void aWrongPassphraseOpensNothing() {
		Path backup = folder.resolve("backup");
		Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of()), backup, PASSPHRASE,
				line -> { });

		assertThatThrownBy(() -> Backups.openKey(Backups.check(backup), "县里保管的备份口令 kept in the sofa".toCharArray()))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("Wrong passphrase");
		assertThatThrownBy(() -> Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of()),
				folder.resolve("short"), "short".toCharArray(), line -> { }))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("at least 12 characters");
		assertThat(folder.resolve("short")).doesNotExist();
	}

	@Test
	void aDatabaseThatHoldsDataOrARoleThatCannotLoadIsRefusedBeforeAnythingIsWritten() throws Exception {
		Path backup = folder.resolve("backup");
		Manifest manifest = Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of()), backup,
				PASSPHRASE, line -> { });

		assertThatThrownBy(() -> Backups.restore(backup, manifest,
				new Backups.Target(source.getPostgresDatabase(), Map.of(), version -> {
					throw new AssertionError("nothing may be built");
				}), line -> { }))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");

		JdbcTemplate admin = new JdbcTemplate(target.getPostgresDatabase());
		admin.execute("drop role if exists county_owner");
		admin.execute("create role county_owner login");
		admin.execute("alter schema public owner to county_owner");
		DataSource owner = target.getDatabase("county_owner", "postgres");
		assertThatThrownBy(() -> Backups.checkTarget(new Backups.Target(owner, Map.of(), version -> { })))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("session_replication_role");
		admin.execute("grant set on parameter session_replication_role to county_owner");
		Backups.checkTarget(new Backups.Target(owner, Map.of(), version -> { }));

		Path occupied = Files.createDirectories(folder.resolve("photos"));
		Files.writeString(occupied.resolve("left-over.jpg"), "x");
		assertThatThrownBy(() -> Backups.checkTarget(new Backups.Target(owner, Map.of("case-photos", occupied),
				version -> { })))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("is not empty");
		assertThat(tables(target.getPostgresDatabase())).isZero();
	}

	@Test
	void aFolderThatHoldsABackupOrAnythingElseOrCannotBeWrittenIsRefusedAndLeavesNoBackupMarkedGood() throws Exception {
		Backups.Source from = new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of());
		Path backup = folder.resolve("backup");
		Backups.take(from, backup, PASSPHRASE, line -> { });
		Map<String, Long> before = listing(backup);

		assertThatThrownBy(() -> Backups.take(from, backup, PASSPHRASE, line -> { })).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("already holds a backup");
		assertThat(listing(backup)).isEqualTo(before);

		Path other = Files.createDirectories(folder.resolve("other"));
		Files.writeString(other.resolve("notes.txt"), "the county's own notes");
		assertThatThrownBy(() -> Backups.take(from, other, PASSPHRASE, line -> { })).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");
		assertThat(Files.readString(other.resolve("notes.txt"))).isEqualTo("the county's own notes");

		Path underAFile = other.resolve("notes.txt").resolve("backup");
		assertThatThrownBy(() -> Backups.take(from, underAFile, PASSPHRASE, line -> { }))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("failed");

		Path noSchema = folder.resolve("no-schema");
		assertThatThrownBy(() -> Backups.take(new Backups.Source(target.getPostgresDatabase(), masterKey, Map.of()),
				noSchema, PASSPHRASE, line -> { }))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("no migrated schema");
		assertThat(noSchema).as("a failed backup removes what it wrote").doesNotExist();
	}

	@Test
	void aBackupThatFillsTheDiskFailsClearlyAndLeavesNothingThatLooksLikeABackup() throws Exception {
		Path disk = Files.createDirectories(folder.resolve("small-disk"));
		Assumptions.assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()),
				"a 1 MB disk needs root to mount a tmpfs");
		try {
			Path attachments = Files.createDirectories(folder.resolve("attachments"));
			byte[] photo = new byte[3_000_000];
			new java.security.SecureRandom().nextBytes(photo);
			Files.write(attachments.resolve("屋顶.png"), photo);
			Path backup = disk.resolve("backup");

			assertThatThrownBy(() -> Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey,
					Map.of("attachments", attachments)), backup, PASSPHRASE, line -> { }))
				.isInstanceOf(BackupRefused.class)
				.hasMessageContaining("is full; nothing was kept");
			assertThat(backup).as("a failed backup removes what it wrote").doesNotExist();
		}
		finally {
			command("umount", disk.toString());
		}
	}

	private static boolean command(String... command) throws IOException, InterruptedException {
		return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
	}

	@Test
	void aBackupOfANewerReleaseIsRefusedByTheSchemaBuilder() throws Exception {
		Path backup = folder.resolve("backup");
		Manifest manifest = Backups.take(new Backups.Source(source.getPostgresDatabase(), masterKey, Map.of()), backup,
				PASSPHRASE, line -> { });

		assertThatThrownBy(() -> Backups.restore(backup, manifest, new Backups.Target(target.getPostgresDatabase(),
				Map.of(), version -> {
					throw new BackupRefused("unknown version " + version);
				}), line -> { }))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("unknown version " + manifest.schemaVersion());
		assertThat(tables(target.getPostgresDatabase())).isZero();
	}

	private Backups.Target target(Map<String, Path> folders) {
		DataSource database = target.getPostgresDatabase();
		return new Backups.Target(database, folders, version -> migrate(database, version));
	}

	/** Builds the schema with the release's migrations, up to a version or (null) all of them. */
	static void migrate(DataSource database, String version) {
		var configuration = Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.placeholders(Map.of("app_role", "jijinan_app"));
		if (version != null) {
			configuration.target(MigrationVersion.fromVersion(version));
		}
		configuration.load().migrate();
	}

	private static Map<String, String> contents(Manifest manifest) {
		return manifest.tables()
			.stream()
			.collect(Collectors.toMap(Manifest.TableContent::table, table -> table.rows() + " " + table.sha256()));
	}

	private static Map<String, Long> rowsPerTable(DataSource database) {
		JdbcTemplate jdbc = new JdbcTemplate(database);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public' "
				+ "and tablename <> 'flyway_schema_history' order by tablename collate \"C\"", String.class)) {
			counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
		}
		return counts;
	}

	private static List<String> schemaObjects(DataSource database) {
		JdbcTemplate jdbc = new JdbcTemplate(database);
		// An index's name, table, method, columns, uniqueness and whether it is partial: PostgreSQL prints some
		// predicates differently once they are parsed a second time, with the same meaning.
		List<String> objects = new java.util.ArrayList<>(jdbc.queryForList("""
				select c.relname || ' ' || i.indrelid::regclass || ' ' || a.amname || ' ' || i.indkey::text || ' '
				       || i.indisunique || ' ' || (i.indpred is not null)
				  from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
				 where c.relnamespace = 'public'::regnamespace order by 1""", String.class));
		objects.addAll(jdbc.queryForList("select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
				+ "from pg_constraint where connamespace = 'public'::regnamespace order by 1", String.class));
		return objects;
	}

	private static int tables(DataSource database) {
		return new JdbcTemplate(database).queryForObject("select count(*) from pg_tables where schemaname = 'public'",
				Integer.class);
	}

	private Path copy(Path backup, String name) throws IOException {
		Path copy = folder.resolve(name);
		try (Stream<Path> walk = Files.walk(backup)) {
			for (Path path : walk.toList()) {
				Path to = copy.resolve(backup.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(path, to);
				}
			}
		}
		return copy;
	}

	private static Map<String, Long> listing(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).collect(Collectors.toMap(Path::toString, path -> {
				try {
					return Files.size(path);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}));
		}
	}

}
