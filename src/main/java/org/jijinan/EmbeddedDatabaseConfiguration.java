package org.jijinan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.shared.DeploymentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts PostgreSQL inside the application when no {@code spring.datasource.url} is configured.
 * <p>
 * The server keeps its files in {@code <data-dir>/postgres} so data survives restarts. Migrations run as the
 * database superuser; the application connects as {@value #APP_ROLE}, a role that owns nothing and is granted
 * only what the migrations grant it (it can never UPDATE or DELETE audit records). An embedded database means
 * demo mode unless {@code jijinan.demo.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	static final String APP_ROLE = "jijinan_app";

	private static final String DATABASE = "jijinan";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/**
	 * Held while the platform runs, so that a second platform or a command on the same data folder is refused
	 * instead of stopping this one's database as if it were left over from a crash. Taken by the
	 * {@link EmbeddedDatabaseStart early start} when there was one.
	 */
	@Bean(destroyMethod = "close")
	DataFolderLock dataFolderLock(PlatformSettings settings, ObjectProvider<EmbeddedDatabaseStart> early)
			throws IOException {
		DataFolderLock taken = EmbeddedDatabaseStart.lock(early);
		return taken != null ? taken : lock(settings);
	}

	@Bean(destroyMethod = "close")
	// Takes the data folder's lock (the parameter) before it looks for a left-over server.
	EmbeddedPostgres embeddedPostgres(PlatformSettings settings, DataFolderLock lock,
			ObjectProvider<EmbeddedDatabaseStart> early) throws IOException, SQLException {
		EmbeddedPostgres started = EmbeddedDatabaseStart.server(early);
		return started != null ? started : start(settings);
	}

	static DataFolderLock lock(PlatformSettings settings) throws IOException {
		return settings.database().embedded().ephemeral() ? DataFolderLock.none()
				: DataFolderLock.take(settings.dataDir());
	}

	/**
	 * Starts the platform's server as its settings say, the caller holding the data folder's lock.
	 */
	static EmbeddedPostgres start(PlatformSettings settings) throws IOException, SQLException {
		var embedded = settings.database().embedded();
		var builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setPort(embedded.port())
			.setServerConfig("timezone", "UTC")
			.setServerConfig("max_connections", "100");
		if (!embedded.preloadLibraries().isBlank()) {
			builder.setServerConfig("shared_preload_libraries", embedded.preloadLibraries());
		}
		if (embedded.ephemeral()) {
			builder.setServerConfig("synchronous_commit", "off").setServerConfig("fsync", "off");
		}
		else {
			Path directory = settings.dataDir().resolve("postgres").toAbsolutePath();
			Files.createDirectories(directory);
			stopOrphan(directory);
			persistent(builder, directory);
		}
		EmbeddedPostgres postgres = builder.start();
		prepare(postgres);
		log.info("Embedded PostgreSQL {} listening on localhost:{}", ephemeralLabel(embedded.ephemeral()),
				postgres.getPort());
		return postgres;
	}

	/**
	 * Starts the server on a data folder's database files (creating them when the folder is new), as the platform
	 * does; for commands that work on a stopped platform's folder, whose lock the caller holds.
	 */
	static EmbeddedPostgres startPersistent(Path dataDir) throws IOException, SQLException {
		Path directory = dataDir.resolve("postgres").toAbsolutePath();
		Files.createDirectories(directory);
		stopOrphan(directory);
		var builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setServerConfig("timezone", "UTC");
		EmbeddedPostgres postgres = persistent(builder, directory).start();
		prepare(postgres);
		return postgres;
	}

	private static EmbeddedPostgres.Builder persistent(EmbeddedPostgres.Builder builder, Path directory) {
		return builder.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on");
	}

	/**
	 * @return the superuser's connection to the platform's database on a server
	 */
	static DataSource superuser(EmbeddedPostgres postgres) {
		return postgres.getDatabase("postgres", DATABASE);
	}

	/**
	 * A platform killed without its shutdown (a crash, {@code kill -9}, power cut of the JVM only) leaves its
	 * PostgreSQL running on the data folder, and the next start would wait for it in vain. Called only by the holder
	 * of the folder's {@link DataFolderLock}, so the server found is never a live platform's. The server named in
	 * {@code postmaster.pid}, when it is alive and serves this folder, is asked to stop (SIGTERM: it finishes and
	 * writes a clean shutdown checkpoint; its clients died with the platform) before the new start.
	 */
	static void stopOrphan(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		}
		catch (RuntimeException unreadable) {
			return;
		}
		ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info()
				.commandLine()
				.map(line -> line.contains("postgres") && line.contains(directory.toString()))
				.orElse(false))
			.ifPresent(orphan -> {
				log.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier run left on {}", pid, directory);
				orphan.destroy();
				try {
					orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception slow) {
					orphan.destroyForcibly();
				}
			});
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedPostgres postgres, PlatformSettings settings) {
		HikariDataSource pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl(APP_ROLE, DATABASE))
			.username(APP_ROLE)
			.build();
		pool.setPoolName("jijinan");
		pool.setMaximumPoolSize(settings.database().poolSize());
		return pool;
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(EmbeddedPostgres postgres) {
		return superuser(postgres);
	}

	@Bean
	DeploymentMode deploymentMode(PlatformSettings settings) {
		return new DeploymentMode(settings.demo().enabled(), true);
	}

	private static void prepare(EmbeddedPostgres postgres) {
		var admin = new JdbcTemplate(postgres.getPostgresDatabase());
		Integer roles = admin.queryForObject("select count(*) from pg_roles where rolname = ?", Integer.class, APP_ROLE);
		if (roles == 0) {
			admin.execute("create role " + APP_ROLE + " login");
		}
		Integer databases = admin.queryForObject("select count(*) from pg_database where datname = ?", Integer.class,
				DATABASE);
		if (databases == 0) {
			admin.execute("create database " + DATABASE);
		}
	}

	private static String ephemeralLabel(boolean ephemeral) {
		return ephemeral ? "(ephemeral)" : "(persistent)";
	}

}
