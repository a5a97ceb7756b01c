package org.jijinan.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.JijinanApplication;
import org.jijinan.PlatformProcesses;
import org.jijinan.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the rebuild command as an operator would, in its own JVM without a web server on an installation's data
 * folder while the platform is stopped: the dashboards' roll-ups, spoilt and missing rows alike, come back exactly as
 * the events had left them, and facts whose roll-ups were lost are counted; the command says what it rebuilt and
 * exits with status 0. A rebuild that fails half-way is rolled back whole and exits with status 4.
 */
class RebuildCommandTests {

	private static final String TOWNSHIP = "632521101";

	private static final UUID UNIT = UUID.randomUUID();

	private final PlatformProcesses platforms = new PlatformProcesses();

	@AfterEach
	void stop() throws InterruptedException {
		platforms.close();
	}

	@Test
	void rebuildsTheRollupsFromTheFactsAndExitsWithStatusZeroOrRollsBackAndExitsWithFour() throws Exception {
		Path data = Files.createTempDirectory("jijinan-rebuild");
		int databasePort = PlatformProcesses.freePort();
		int port = PlatformProcesses.freePort();
		Process platform = platforms.start(data, port, "--jijinan.database.embedded.port=" + databasePort);
		platforms.awaitReady(platform);
		JdbcClient live = JdbcClient.create(
				new DriverManagerDataSource("jdbc:postgresql://localhost:" + databasePort + "/jijinan", "postgres", ""));

		long requestsBefore = requests(live);
		submit(port, "卓玛", "13809741001", "FIRE");
		submit(port, "扎西", "13809741002", "TRAFFIC_ACCIDENT");
		submit(port, "拉毛", "13809741003", "FIRE");
		await().atMost(Duration.ofSeconds(30)).until(() -> requests(live) == requestsBefore + 3);
		List<String> asTheEventsLeftThem = rollups(live);
		assertThat(asTheEventsLeftThem).as("the requests are counted").anyMatch(row -> row.startsWith("reporting_cases"));
		lostMonth(live);
		spoil(live);
		List<String> spoilt = rollups(live);
		assertThat(spoilt).isNotEqualTo(asTheEventsLeftThem);
		String rebuiltAt = rebuiltAt(live);
		Result beside = rebuild(data, "rebuild-beside-the-platform");
		assertThat(beside.exit()).as(beside.output()).isNotZero();
		assertThat(beside.output()).as("refused with the reason")
			.contains("Another jijinan platform or command is running on the data folder");
		assertThat(rollups(live)).as("the running platform's database is untouched").isEqualTo(spoilt);
		assertThat(new org.jijinan.Visitor(port).get("/login").status()).as("and the platform still answers")
			.isEqualTo(200);
		// The rebuild will fail at the units' roll-up, after it has already replaced the requests and cases.
		live.sql("revoke insert on reporting_units from jijinan_app").update();
		platform.destroy();
		assertThat(platform.waitFor(60, TimeUnit.SECONDS)).as("the platform stopped").isTrue();

		Result failed = rebuild(data, "rebuild-failing");

		assertThat(failed.exit()).as(failed.output()).isEqualTo(4);
		assertThat(failed.output()).contains("Dashboards NOT rebuilt; the roll-ups are as they were")
			.doesNotContain("Dashboards rebuilt:");
		withDatabase(data, database -> {
			assertThat(rollups(database)).as("the failed rebuild was rolled back whole").isEqualTo(spoilt);
			assertThat(rebuiltAt(database)).isEqualTo(rebuiltAt);
			assertThat(commandRebuilds(database)).as("nothing audited").isZero();
			database.sql("grant insert on reporting_units to jijinan_app").update();
		});

		Result rebuilt = rebuild(data, "rebuild");

		assertThat(rebuilt.exit()).as(rebuilt.output()).isZero();
		assertThat(rebuilt.output()).as("a command runs no scheduled work: the platform's queued messages stay queued")
			.doesNotContain("kept in the platform's message list")
			.doesNotContain("by SMS to");
		List<String> expected = new ArrayList<>(asTheEventsLeftThem);
		expected.add("reporting_activity (2023-05-01," + TOWNSHIP + ",DISASTER_RELIEF,2,750.50)");
		expected.add("reporting_units (2023-05-01," + TOWNSHIP + "," + UNIT + ",共和县住房和城乡建设局,2,1,1,1)");
		expected.sort(null);
		long cases = expected.stream().filter(row -> row.startsWith("reporting_cases ")).count();
		long units = expected.stream().filter(row -> row.startsWith("reporting_units ")).count();
		long activity = expected.stream().filter(row -> row.startsWith("reporting_activity ")).count();
		assertThat(rebuilt.output()).as("says what it rebuilt")
			.contains("Dashboards rebuilt: %d case, %d unit and %d activity rows (layout %d)".formatted(cases, units,
					activity, RollupRebuild.VERSION));
		withDatabase(data, database -> {
			assertThat(rollups(database)).as("as the events left them, with the lost month counted again")
				.isEqualTo(expected);
			assertThat(commandRebuilds(database)).as("the rebuild is audited").isEqualTo(1);
			assertThat(rebuiltAt(database)).as("when it was rebuilt").isNotEqualTo(rebuiltAt);
		});
	}

	/** Submits a help request on the public form, as anyone may. */
	private static void submit(int port, String name, String phone, String cause) {
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply");
		Visitor.Page received = applicant.post("/public/requests", Map.of("name", name, "phone", phone, "village",
				TOWNSHIP + "201", "description", "房屋受损，生活困难", "causes", cause));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
	}

	/**
	 * Facts of a month whose roll-up rows were lost: two tasks referred to a unit (one completed on time, one
	 * returned by the unit under the name it has since), and two grants of disaster relief.
	 */
	private static void lostMonth(JdbcClient database) {
		UUID completed = UUID.randomUUID();
		UUID returned = UUID.randomUUID();
		database.sql("""
				insert into reporting_task_fact (task_id, unit_id, kind, sequence, at, month, township, unit_name, on_time)
				values (:completed, :unit, 'referred', 0, '2023-05-04 02:00Z', '2023-05-01', :township, '共和县住建局', 0),
				       (:returned, :unit, 'referred', 0, '2023-05-05 02:00Z', '2023-05-01', :township, '共和县住建局', 0),
				       (:completed, :unit, 'completed', 0, '2023-05-08 02:00Z', '2023-05-01', :township, '共和县住建局', 1),
				       (:returned, :unit, 'returns', 1, '2023-05-09 02:00Z', '2023-05-01', :township,
				        '共和县住房和城乡建设局', 0)""")
			.param("completed", completed)
			.param("returned", returned)
			.param("unit", UNIT)
			.param("township", TOWNSHIP)
			.update();
		database.sql("""
				insert into reporting_activity_fact (key, at, month, township, kind, amount)
				values ('aid:' || gen_random_uuid(), '2023-05-10 02:00Z', '2023-05-01', :township, 'DISASTER_RELIEF', 300),
				       ('aid:' || gen_random_uuid(), '2023-05-11 02:00Z', '2023-05-01', :township, 'DISASTER_RELIEF',
				        450.50)""")
			.param("township", TOWNSHIP)
			.update();
	}

	/** Spoils the roll-ups as a bad hand-made fix would: wrong counts, a missing row, stale rows. */
	private static void spoil(JdbcClient database) {
		database.sql("update reporting_cases set requests = requests + 7, b00 = b00 + 2").update();
		database.sql("delete from reporting_cases where (month, township, channel, cause, urgency) in "
				+ "(select month, township, channel, cause, urgency from reporting_cases limit 1)").update();
		database.sql("""
				insert into reporting_units (month, township, unit_id, unit_name, referred, completed, on_time, returns)
				values ('2023-05-01', :township, :unit, 'x', 9, 9, 9, 9)""")
			.param("township", TOWNSHIP)
			.param("unit", UNIT)
			.update();
		database.sql("""
				insert into reporting_activity (month, township, kind, count, amount)
				values ('2023-05-01', :township, 'DISASTER_RELIEF', 1, 1)""")
			.param("township", TOWNSHIP)
			.update();
	}

	/** @return every roll-up row, as text, in order */
	private static List<String> rollups(JdbcClient database) {
		List<String> rows = new ArrayList<>();
		for (String table : List.of("reporting_cases", "reporting_units", "reporting_activity")) {
			rows.addAll(database.sql("select '" + table + " ' || (r.*)::text from " + table + " r")
				.query(String.class)
				.list());
		}
		rows.sort(null);
		return rows;
	}

	private static long requests(JdbcClient database) {
		return database.sql("select coalesce(sum(requests), 0) from reporting_cases").query(Long.class).single();
	}

	private static String rebuiltAt(JdbcClient database) {
		return database.sql("select coalesce(rebuilt_at::text, 'never') from reporting_rollup_version")
			.query(String.class)
			.single();
	}

	private static long commandRebuilds(JdbcClient database) {
		return database.sql("""
				select count(*) from audit_record
				 where action = 'reporting.rebuilt' and actor = 'command-line' and details like '%COMMAND%'""")
			.query(Long.class)
			.single();
	}

	/**
	 * Runs the rebuild command on the data folder in its own JVM, without a web server.
	 */
	private static Result rebuild(Path data, String name) throws IOException, InterruptedException {
		Path log = data.resolve(name + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				JijinanApplication.class.getName(), "--spring.main.web-application-type=none",
				"--jijinan.reporting.rebuild-and-exit=true", "--jijinan.data-dir=" + data,
				"--jijinan.database.embedded.ephemeral=false", "--logging.level.root=WARN",
				"--logging.level.org.jijinan.reporting=INFO", "--logging.level.org.jijinan.notify=INFO"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = process.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			process.destroy();
			process.waitFor(60, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(finished).as("the command finished: " + output).isTrue();
		return new Result(process.exitValue(), output);
	}

	/**
	 * Opens the data folder's database while no platform runs, as an operator's SQL client would.
	 */
	private static void withDatabase(Path data, java.util.function.Consumer<JdbcClient> work) throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "UTC")
			.start()) {
			work.accept(JdbcClient.create(postgres.getDatabase("postgres", "jijinan")));
		}
	}

	private record Result(int exit, String output) {
	}

}
