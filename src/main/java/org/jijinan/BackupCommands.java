package org.jijinan;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jijinan.backup.BackupFolders;
import org.jijinan.backup.BackupRefused;
import org.jijinan.backup.Backups;
import org.jijinan.backup.Manifest;
import org.jijinan.shared.KeyMaterial;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The backup and restore commands, {@code java -jar jijinan.jar backup --to DIR} and
 * {@code java -jar jijinan.jar restore --from DIR}, on the database and folders the platform's configuration names
 * (any {@code --name=value} setting the platform takes may follow). A backup of an embedded database reads the running
 * platform's server when it runs and starts the server itself when it does not; a restore writes into an empty data
 * folder (or, with {@code --replace}, one whose contents it removes once the backup and the passphrase are checked) or
 * an empty external database, then verifies the audit chain. Exit status: 0 done, 1 failed (the message says why),
 * 2 refused, 3 audit chain broken.
 */
final class BackupCommands {

	static final int REFUSED = 2;

	private static final String PASSPHRASE = "jijinan.backup.passphrase";

	private final Options options;

	private final StandardEnvironment environment = new StandardEnvironment();

	private final PrintStream out;

	private BackupCommands(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
		quietLibraries();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource(options.settings().toArray(String[]::new)));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
	}

	/** The command speaks for itself; the libraries it drives only when something goes wrong. */
	private static void quietLibraries() {
		LoggingSystem logging = LoggingSystem.get(BackupCommands.class.getClassLoader());
		logging.beforeInitialize();
		logging.setLogLevel(null, LogLevel.WARN);
	}

	static boolean handles(String[] args) {
		return args.length > 0 && List.of("backup", "restore", "retire-keys").contains(args[0]);
	}

	/**
	 * @return the exit status
	 */
	static int run(String[] args) {
		PrintStream out = System.out;
		try {
			Options options = Options.parse(args);
			BackupCommands commands = new BackupCommands(options, out);
			return switch (args[0]) {
				case "backup" -> commands.backup();
				case "restore" -> commands.restore();
				default -> commands.retireKeys();
			};
		}
		catch (BackupRefused refused) {
			out.println("REFUSED: " + refused.getMessage());
			return REFUSED;
		}
		catch (RuntimeException failed) {
			out.println("FAILED: " + failed.getMessage());
			return 1;
		}
	}

	private int backup() {
		Path to = options.required("--to");
		char[] passphrase = passphrase(true);
		try (Database database = openForBackup()) {
			Manifest manifest = Backups.take(new Backups.Source(database.dataSource(), keyRing(), folders()), to,
					passphrase, out::println);
			out.printf("Backup written to %s: %d tables, %d rows, %d parts, %,d bytes, schema %s%n",
					to.toAbsolutePath(), manifest.tables().size(), manifest.rows(), manifest.parts().size(),
					manifest.bytes(), manifest.schemaVersion());
			return 0;
		}
		finally {
			Arrays.fill(passphrase, ' ');
		}
	}

	private int restore() {
		Path from = options.required("--from");
		Map<String, Long> counts;
		byte[] key;
		if (external()) {
			Manifest manifest = checked(from);
			key = opened(manifest);
			counts = restoreExternal(from, manifest, key);
		}
		else {
			Path dataDir = dataDir();
			try (DataFolderLock lock = lock(dataDir, "restore")) {
				boolean occupied = occupied(dataDir);
				Manifest manifest = checked(from);
				key = opened(manifest);
				counts = restoreEmbedded(dataDir, occupied, from, manifest, key);
			}
			catch (IOException failed) {
				throw new BackupRefused("The restore failed: " + failed.getMessage(), failed);
			}
		}
		out.println("Rows per table after the restore:");
		counts.forEach((table, rows) -> out.printf("  %-48s %,12d%n", table, rows));
		out.println("Verifying the audit chain …");
		List<String> verify = new ArrayList<>(options.settings());
		verify.addAll(List.of("--spring.main.web-application-type=none", "--jijinan.audit.verify-and-exit=true",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.jijinan.audit=INFO"));
		if (external()) {
			KeyMaterial.parse(key).properties().forEach((name, value) -> verify.add("--" + name + "=" + value));
		}
		SpringApplication.run(JijinanApplication.class, verify.toArray(String[]::new));
		return 0;
	}

	/**
	 * For keys from the environment: once the platform has sealed every value again with the current key, writes the
	 * settings without the older master keys (keeping what old audit records and look-up hashes need) to a new file.
	 */
	private int retireKeys() {
		if (!external()) {
			throw new BackupRefused("An embedded installation retires its older keys on the 主密钥 page (/admin/keys)");
		}
		Path keyTo = options.required("--key-to");
		KeyMaterial configured = configuredKeys();
		if (configured == null || configured.masters().size() < 2) {
			throw new BackupRefused("JIJINAN_KEYS_MASTER and JIJINAN_KEYS_RING hold one master key: nothing to retire");
		}
		int current = configured.current();
		boolean resealed;
		try (Connection connection = externalOwner().getConnection();
				var query = connection.prepareStatement(
						"select resealed_at is not null and unreadable = 0 from backup_key_rotation where key_number = ?")) {
			query.setInt(1, current);
			try (var result = query.executeQuery()) {
				resealed = result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException unreachable) {
			throw new BackupRefused("The database cannot be asked whether every value is sealed again: "
					+ unreachable.getMessage());
		}
		if (!resealed) {
			throw new BackupRefused("Values sealed with older keys remain: start the platform with key " + current
					+ " and wait until 主密钥 (/admin/keys) shows every value sealed again (仍有数据使用旧密钥)");
		}
		KeyMaterial retired = configured;
		for (int older : configured.masters().keySet()) {
			if (older != current) {
				retired = retired.without(older);
			}
		}
		if (Files.exists(keyTo)) {
			throw new BackupRefused(keyTo.toAbsolutePath() + " exists already; give a new file for the keys");
		}
		writeKeyFile(keyTo, retired);
		out.println("The settings without the older master keys are in " + keyTo.toAbsolutePath() + ": put them "
				+ "into the environment of every node in place of JIJINAN_KEYS_*, restart, then destroy the older keys");
		return 0;
	}

	private Manifest checked(Path from) {
		out.println("Checking the backup in " + from.toAbsolutePath() + " …");
		Manifest manifest = Backups.check(from);
		out.printf("Backup of %s, schema %s: %d parts intact%n", manifest.createdAt(), manifest.schemaVersion(),
				manifest.parts().size());
		return manifest;
	}

	private byte[] opened(Manifest manifest) {
		char[] passphrase = passphrase(false);
		try {
			return Backups.openKey(manifest, passphrase);
		}
		finally {
			Arrays.fill(passphrase, ' ');
		}
	}

	/**
	 * @return whether the data folder holds a platform's data, which only {@code --replace} lets a restore remove
	 * @throws BackupRefused when it does and {@code --replace} was not given
	 */
	private boolean occupied(Path dataDir) {
		boolean occupied = !emptyFolder(dataDir.resolve("postgres")) || KeyMaterial.present(keyFolder())
				|| folders().values().stream().anyMatch(folder -> !emptyFolder(folder));
		if (occupied && !options.has("--replace")) {
			throw new BackupRefused("The data folder " + dataDir.toAbsolutePath() + " already holds a platform's "
					+ "data; restore into an empty one, or add --replace to remove what it holds (数据文件夹不是空的)");
		}
		return occupied;
	}

	private Map<String, Long> restoreEmbedded(Path dataDir, boolean occupied, Path from, Manifest manifest,
			byte[] key) {
		try {
			if (occupied) {
				out.println("Removing what the data folder held (--replace) …");
				BackupFolders.delete(dataDir.resolve("postgres"));
				BackupFolders.delete(keyFolder());
				for (Path folder : folders().values()) {
					BackupFolders.delete(folder);
				}
			}
			try (EmbeddedPostgres server = EmbeddedDatabaseConfiguration.startPersistent(dataDir)) {
				DataSource superuser = EmbeddedDatabaseConfiguration.superuser(server);
				Map<String, Long> counts = Backups.restore(from, manifest,
						new Backups.Target(superuser, folders(), version -> migrate(superuser, version)), out::println);
				KeyMaterial.parse(key).write(keyFolder());
				return counts;
			}
		}
		catch (IOException | SQLException failed) {
			throw new BackupRefused("The restore failed: " + failed.getMessage(), failed);
		}
	}

	private Map<String, Long> restoreExternal(Path from, Manifest manifest, byte[] key) {
		KeyMaterial ring = KeyMaterial.parse(key);
		@Nullable KeyMaterial configured = configuredKeys();
		@Nullable Path keyTo = options.optional("--key-to");
		if (configured != null && !Arrays.equals(configured.portable(), ring.portable())) {
			throw new BackupRefused("JIJINAN_KEYS_MASTER (and JIJINAN_KEYS_RING) are not the keys this backup's data "
					+ "was sealed with; unset them and give --key-to FILE to receive the backup's keys");
		}
		if (configured == null && keyTo == null) {
			throw new BackupRefused("Give --key-to FILE: the backup's keys are written there as JIJINAN_KEYS_… "
					+ "settings (an external database's keys live in the environment, not in a data folder)");
		}
		if (keyTo != null && Files.exists(keyTo)) {
			throw new BackupRefused(keyTo.toAbsolutePath() + " exists already; give a new file for the key");
		}
		DataSource owner = externalOwner();
		Backups.Target target = new Backups.Target(owner, folders(), version -> migrate(owner, version));
		Map<String, Long> counts = Backups.restore(from, manifest, target, out::println);
		if (keyTo != null) {
			writeKeyFile(keyTo, ring);
			out.println("The keys are in " + keyTo.toAbsolutePath()
					+ ": put its settings into the environment and keep the file away from the database's disks");
		}
		return counts;
	}

	private void migrate(DataSource database, String version) {
		Map<String, String> placeholders = new LinkedHashMap<>();
		placeholders.put("app_role", environment.getProperty("spring.flyway.placeholders.app_role", "jijinan_app"));
		Flyway flyway = Flyway.configure(getClass().getClassLoader())
			.dataSource(database)
			.locations(environment.getProperty("spring.flyway.locations", "classpath:db/migration").split(","))
			.placeholders(placeholders)
			.target(MigrationVersion.fromVersion(version))
			.load();
		boolean known = Arrays.stream(flyway.info().all())
			.map(MigrationInfo::getVersion)
			.anyMatch(MigrationVersion.fromVersion(version)::equals);
		if (!known) {
			throw new BackupRefused("The backup's schema version " + version + " is unknown to this release: it was "
					+ "made by a newer release; restore it with that release or a later one");
		}
		out.println("Building the schema up to version " + version + " …");
		flyway.migrate();
	}

	private Database openForBackup() {
		if (external()) {
			return new Database(externalOwner(), null, null);
		}
		Path dataDir = dataDir();
		if (emptyFolder(dataDir.resolve("postgres"))) {
			throw new BackupRefused("No database in the data folder " + dataDir.toAbsolutePath()
					+ " (give --jijinan.data-dir=… for another folder)");
		}
		DataFolderLock lock;
		try {
			lock = DataFolderLock.take(dataDir);
		}
		catch (IllegalStateException running) {
			out.println("The platform is running: reading its database while it works");
			return new Database(runningServer(dataDir), null, null);
		}
		catch (IOException failed) {
			throw new BackupRefused("The data folder cannot be locked: " + failed.getMessage(), failed);
		}
		try {
			EmbeddedPostgres server = EmbeddedDatabaseConfiguration.startPersistent(dataDir);
			return new Database(EmbeddedDatabaseConfiguration.superuser(server), server, lock);
		}
		catch (IOException | SQLException | RuntimeException failed) {
			close(lock);
			throw new BackupRefused("The embedded database cannot be started: " + failed.getMessage(), failed);
		}
	}

	/** The running platform's server: its port is the fourth line of {@code postmaster.pid}. */
	private static DataSource runningServer(Path dataDir) {
		try {
			List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
			PGSimpleDataSource source = new PGSimpleDataSource();
			source.setServerNames(new String[] { "localhost" });
			source.setPortNumbers(new int[] { Integer.parseInt(pid.get(3).strip()) });
			source.setDatabaseName("jijinan");
			source.setUser("postgres");
			return source;
		}
		catch (IOException | RuntimeException unreadable) {
			throw new BackupRefused("The running platform's database cannot be found (postmaster.pid): "
					+ unreadable.getMessage());
		}
	}

	private DataSource externalOwner() {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl(environment.getRequiredProperty("spring.datasource.url"));
		String user = environment.getProperty("spring.flyway.user", environment.getProperty("spring.datasource.username", ""));
		String password = environment.getProperty("spring.flyway.password",
				environment.getProperty("spring.datasource.password", ""));
		if (!user.isBlank()) {
			source.setUser(user);
		}
		if (!password.isBlank()) {
			source.setPassword(password);
		}
		return source;
	}

	private byte[] keyRing() {
		try {
			@Nullable KeyMaterial configured = configuredKeys();
			return (configured != null ? configured : KeyMaterial.read(keyFolder())).portable();
		}
		catch (IllegalStateException | java.io.UncheckedIOException unreadable) {
			throw new BackupRefused("The master keys cannot be read (" + keyFolder().toAbsolutePath()
					+ " or JIJINAN_KEYS_MASTER): " + unreadable.getMessage());
		}
	}

	private @Nullable KeyMaterial configuredKeys() {
		String master = environment.getProperty("jijinan.keys.master");
		String ring = environment.getProperty("jijinan.keys.ring");
		if ((master == null || master.isBlank()) && (ring == null || ring.isBlank())) {
			return null;
		}
		return KeyMaterial.fromSettings(master, ring, environment.getProperty("jijinan.keys.retired"));
	}

	private char[] passphrase(boolean twice) {
		@Nullable Path file = options.optional("--passphrase-file");
		if (file != null) {
			try {
				return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
			}
			catch (IOException unreadable) {
				throw new BackupRefused("The passphrase file cannot be read: " + unreadable.getMessage());
			}
		}
		String configured = environment.getProperty(PASSPHRASE);
		if (configured != null && !configured.isBlank()) {
			return configured.toCharArray();
		}
		Console console = System.console();
		if (console == null) {
			throw new BackupRefused("No passphrase: give --passphrase-file FILE or set JIJINAN_BACKUP_PASSPHRASE");
		}
		char[] typed = console.readPassword("Backup passphrase (备份口令): ");
		if (twice && !Arrays.equals(typed, console.readPassword("Again (再输入一次): "))) {
			throw new BackupRefused("The two passphrases differ");
		}
		return typed == null ? new char[0] : typed;
	}

	private Map<String, Path> folders() {
		return BackupFolders.of(environment);
	}

	private boolean external() {
		String url = environment.getProperty("spring.datasource.url");
		return url != null && !url.isBlank();
	}

	private Path dataDir() {
		return Binder.get(environment).bind("jijinan.data-dir", Path.class).orElse(Path.of("./data"));
	}

	private Path keyFolder() {
		return path("jijinan.keys.file").toAbsolutePath().getParent();
	}

	private Path path(String property) {
		return Path.of(environment.getRequiredProperty(property));
	}

	private static DataFolderLock lock(Path dataDir, String command) throws IOException {
		try {
			return DataFolderLock.take(dataDir);
		}
		catch (IllegalStateException running) {
			throw new BackupRefused("The platform (or another command) is running on " + dataDir.toAbsolutePath()
					+ "; stop it before the " + command + " (请先停止平台)");
		}
	}

	private static void writeKeyFile(Path file, KeyMaterial ring) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			StringBuilder settings = new StringBuilder();
			ring.properties().forEach((name, value) -> settings.append(name.toUpperCase(java.util.Locale.ROOT)
				.replace('.', '_')).append('=').append(value).append('\n'));
			Files.writeString(file, settings, StandardOpenOption.CREATE_NEW);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException | UnsupportedOperationException failed) {
			throw new BackupRefused("The master key cannot be written to " + file.toAbsolutePath() + ": "
					+ failed.getMessage());
		}
	}

	private static boolean emptyFolder(Path folder) {
		if (!Files.isDirectory(folder)) {
			return true;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException unreadable) {
			return false;
		}
	}

	private static void close(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// closing on the way out of a refusal
		}
	}

	/** A database to read, with the server and folder lock to release afterwards when the command started it. */
	private record Database(DataSource dataSource, @Nullable EmbeddedPostgres server, @Nullable DataFolderLock lock)
			implements AutoCloseable {

		@Override
		public void close() {
			BackupCommands.close(server);
			BackupCommands.close(lock);
		}

	}

	/** The command's own options, and the platform settings ({@code --name=value}) passed on. */
	private record Options(Map<String, String> values, List<String> flags, List<String> settings) {

		private static final List<String> VALUED = List.of("--to", "--from", "--passphrase-file", "--key-to");

		private static final List<String> FLAGS = List.of("--replace");

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			List<String> flags = new ArrayList<>();
			List<String> settings = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				if (VALUED.contains(name)) {
					if (arg.contains("=")) {
						values.put(name, arg.substring(arg.indexOf('=') + 1));
					}
					else if (i + 1 < args.length) {
						values.put(name, args[++i]);
					}
					else {
						throw new BackupRefused(name + " needs a value");
					}
				}
				else if (FLAGS.contains(arg)) {
					flags.add(arg);
				}
				else if (arg.startsWith("--") && arg.contains("=")) {
					settings.add(arg);
				}
				else {
					throw new BackupRefused("Unknown option " + arg + "; use: backup --to DIR | restore --from DIR "
							+ "[--replace] [--key-to FILE], with [--passphrase-file FILE] | retire-keys --key-to FILE, and any "
							+ "--setting=value");
				}
			}
			return new Options(values, flags, settings);
		}

		Path required(String name) {
			String value = values.get(name);
			if (value == null || value.isBlank()) {
				throw new BackupRefused("Give " + name + " DIR");
			}
			return Path.of(value);
		}

		@Nullable Path optional(String name) {
			String value = values.get(name);
			return value == null || value.isBlank() ? null : Path.of(value);
		}

		boolean has(String flag) {
			return flags.contains(flag);
		}

	}

}
