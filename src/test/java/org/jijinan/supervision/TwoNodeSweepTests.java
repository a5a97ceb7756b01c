package org.jijinan.supervision;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.JijinanApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database sweep the same due steps at the same time: every step is acted on exactly
 * once — no warning is sent twice and none is skipped (the sweeps' own counts, the steps' stages and the audited
 * batch totals all say 400).
 */
class TwoNodeSweepTests {

	static final int STEPS = 400;

	static EmbeddedPostgres database;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoNodes() throws IOException {
		database = EmbeddedPostgres.builder().start();
		var admin = new JdbcTemplate(database.getPostgresDatabase());
		admin.execute("create role county_app login password 'app-secret'");
		admin.execute("create database county");
		first = node();
		second = node();
	}

	@AfterAll
	static void stopEverything() throws IOException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { first, second }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void actsOnEveryDueStepExactlyOnce() throws Exception {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < STEPS; i++) {
			jdbc.sql("""
					insert into supervision_step (id, kind, subject_ref, area_path, unit_key, unit_name, responsible,
					                              started_at, due_at, status, stage, next_action_at)
					values (:id, 'TASK_COMPLETION', :subject, '/630000/632500/632521/632521101/', 'unit:x', '某单位',
					        'someone', :started, :due, 'OPEN', 0, :warn)""")
				.param("id", UUID.randomUUID())
				.param("subject", "two-nodes-" + i)
				.param("started", Timestamp.from(now.minus(3, ChronoUnit.DAYS)))
				.param("due", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
				.param("warn", Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
				.update();
		}
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> sweeps = new ArrayList<>();
		for (ConfigurableApplicationContext node : List.of(first, second, first, second)) {
			sweeps.add(() -> node.getBean(DeadlineSweep.class).sweep());
		}

		int acted = 0;
		for (Future<Integer> sweep : nodes.invokeAll(sweeps)) {
			acted += sweep.get();
		}
		nodes.shutdown();

		assertThat(acted).isEqualTo(STEPS);
		assertThat(jdbc.sql("select count(*) from supervision_step where subject_ref like 'two-nodes-%' and stage = 1")
			.query(Long.class)
			.single()).isEqualTo(STEPS);
		assertThat(jdbc.sql("""
				select sum((details::jsonb ->> 'warnings')::int) from audit_record
				 where action = 'supervision.steps-escalated'""")
			.query(Long.class)
			.single()).isEqualTo(STEPS);
	}

	private static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(JijinanApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.datasource.url=jdbc:postgresql://localhost:" + database.getPort() + "/county",
				"--spring.datasource.username=county_app", "--spring.datasource.password=app-secret",
				"--spring.flyway.user=postgres", "--spring.flyway.password=",
				"--jijinan.keys.master=" + Base64.getEncoder().encodeToString(new byte[32]),
				"--jijinan.bootstrap.username=Chief.Admin", "--jijinan.bootstrap.password=Snow-Leopard-7731",
				"--jijinan.supervision.sweep-interval=PT1H", "--jijinan.supervision.sweep-batch=25",
				"--logging.level.root=WARN");
	}

}
