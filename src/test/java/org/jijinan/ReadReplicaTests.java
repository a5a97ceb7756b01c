package org.jijinan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A primary and a real streaming replica of it (a base backup of the primary's files taken between
 * {@code pg_backup_start} and {@code pg_backup_stop}, started in standby mode; synchronous, with
 * {@code synchronous_commit = remote_apply}), and one application node routing to both: a read-only transaction runs on
 * the replica, a write on the primary, and an account read right after it was opened, or its roles right after they
 * changed, are found there as written.
 */
class ReadReplicaTests {

	static final String REPLICA = "replica1";

	static Path primaryFiles;

	static Path replicaFiles;

	static EmbeddedPostgres primary;

	static EmbeddedPostgres replica;

	static ConfigurableApplicationContext node;

	@BeforeAll
	static void startAPrimaryItsReplicaAndANode() throws Exception {
		primaryFiles = Files.createTempDirectory("jijinan-primary");
		replicaFiles = Files.createTempDirectory("jijinan-replica");
		primary = EmbeddedPostgres.builder()
			.setDataDirectory(primaryFiles)
			.setServerConfig("wal_level", "replica")
			.setServerConfig("max_wal_senders", "4")
			.setServerConfig("max_replication_slots", "4")
			// on the command line, where the embedded server's own default (off) would otherwise win
			.setServerConfig("synchronous_commit", "remote_apply")
			.start();
		var admin = new JdbcTemplate(primary.getPostgresDatabase());
		admin.execute("create role county_app login password 'app-secret'");
		admin.execute("create database county");
		baseBackup(admin);
		Files.writeString(replicaFiles.resolve("standby.signal"), "");
		Files.writeString(replicaFiles.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'
				primary_slot_name = '%s'
				""".formatted(primary.getPort(), REPLICA, REPLICA), java.nio.file.StandardOpenOption.APPEND);
		replica = EmbeddedPostgres.builder().setDataDirectory(replicaFiles).setCleanDataDirectory(false).start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> admin.queryForObject(
					"select count(*) from pg_stat_replication where application_name = ? and state = 'streaming'",
					Long.class, REPLICA) == 1);
		admin.execute("alter system set synchronous_standby_names = '" + REPLICA + "'");
		admin.execute("select pg_reload_conf()");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "sync".equals(admin.queryForObject(
					"select sync_state from pg_stat_replication where application_name = ?", String.class, REPLICA)));
		node = new SpringApplicationBuilder(JijinanApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.datasource.url=jdbc:postgresql://localhost:" + primary.getPort() + "/county",
				"--spring.datasource.username=county_app", "--spring.datasource.password=app-secret",
				"--jijinan.database.replica.url=jdbc:postgresql://localhost:" + replica.getPort() + "/county",
				"--spring.flyway.user=postgres", "--spring.flyway.password=",
				"--jijinan.keys.master=" + Base64.getEncoder().encodeToString(new byte[32]),
				"--jijinan.bootstrap.username=Chief.Admin", "--jijinan.bootstrap.password=Snow-Leopard-7731",
				"--jijinan.supervision.sweep-interval=PT1H", "--logging.level.root=WARN");
	}

	/**
	 * Copies the primary's files between the start and the stop of a backup, as pg_basebackup would, leaving out what
	 * a running server keeps for itself; the WAL since the start comes by streaming, held back by a replication slot.
	 */
	private static void baseBackup(JdbcTemplate admin) throws Exception {
		admin.execute("select pg_create_physical_replication_slot('" + REPLICA + "', true)");
		try (Connection session = primary.getPostgresDatabase().getConnection();
				Statement statement = session.createStatement()) {
			statement.execute("select pg_backup_start('" + REPLICA + "', true)");
			Set<String> leftOut = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
			try (Stream<Path> files = Files.walk(primaryFiles)) {
				files.forEach(file -> {
					Path relative = primaryFiles.relativize(file);
					Path target = replicaFiles.resolve(relative.toString());
					boolean serverOwn = relative.getNameCount() > 1 && Set.of("pg_wal", "pg_replslot", "pg_stat_tmp")
						.contains(relative.getName(0).toString());
					if (leftOut.contains(relative.toString()) || serverOwn) {
						return;
					}
					try {
						if (Files.isDirectory(file)) {
							Files.createDirectories(target);
						}
						else {
							Files.copy(file, target);
						}
					}
					catch (java.nio.file.NoSuchFileException gone) {
						// removed by the running server while we copied: the WAL replays what it was for
					}
					catch (IOException failed) {
						throw new UncheckedIOException(failed);
					}
				});
			}
			Files.createDirectories(replicaFiles.resolve("pg_wal/archive_status"));
			try (ResultSet stopped = statement.executeQuery("select labelfile from pg_backup_stop(true)")) {
				stopped.next();
				Files.writeString(replicaFiles.resolve("backup_label"), stopped.getString(1));
			}
		}
	}

	@AfterAll
	static void stopEverything() throws IOException {
		if (node != null) {
			node.close();
		}
		for (EmbeddedPostgres server : new EmbeddedPostgres[] { replica, primary }) {
			if (server != null) {
				server.close();
			}
		}
		for (Path files : new Path[] { replicaFiles, primaryFiles }) {
			if (files != null && Files.exists(files)) {
				try (Stream<Path> all = Files.walk(files)) {
					all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

	@Test
	void runsReadOnlyTransactionsOnTheReplicaAndWritesOnThePrimary() {
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		var reads = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
		reads.setReadOnly(true);
		var writes = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));

		Boolean readOnReplica = reads
			.execute(status -> jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single());
		Boolean wroteOnReplica = writes
			.execute(status -> jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single());

		assertThat(readOnReplica).as("a read-only transaction is served by the replica").isTrue();
		assertThat(wroteOnReplica).as("any other by the primary").isFalse();
	}

	@Test
	void findsAnAccountOnTheReplicaRightAfterItWasOpenedAndItsRolesRightAfterTheyChanged() {
		var staff = StaffFixtures.from(node);
		var township = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		var admin = StaffFixtures.signedIn(port(),
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		long replicaReadsBefore = committedOnReplica();
		for (int i = 0; i < 10; i++) {
			var opened = admin.json("POST", "/api/v1/accounts", """
					{"username": "replica.%d.%d", "displayName": "卓玛", "unitId": "%s", "roles": ["WINDOW_CLERK"]}"""
				.formatted(i, System.nanoTime() % 100_000, township.unitId().value()));
			assertThat(opened.status()).as(opened.body()).isEqualTo(201);
			String id = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

			var read = admin.get("/api/v1/accounts/" + id);
			assertThat(read.status()).as("read %d right after the account was opened: %s", i, read.body())
				.isEqualTo(200);

			assertThat(admin.json("PUT", "/api/v1/accounts/" + id + "/roles", "{\"roles\": [\"TOWNSHIP_REVIEWER\"]}")
				.status()).isEqualTo(200);
			assertThat(admin.get("/api/v1/accounts/" + id).body()).as("read %d right after its roles changed", i)
				.contains("TOWNSHIP_REVIEWER")
				.doesNotContain("WINDOW_CLERK");
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(committedOnReplica() - replicaReadsBefore)
				.as("the reads were the replica's")
				.isGreaterThanOrEqualTo(20));
	}

	private static long committedOnReplica() {
		return new JdbcTemplate(replica.getPostgresDatabase()).queryForObject(
				"select xact_commit from pg_stat_database where datname = 'county'", Long.class);
	}

	private static int port() {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

}
