package org.jijinan.supervision;

import java.io.IOException;
import java.sql.Timestamp;
import java.net.http.HttpRequest;
import java.time.Duration;
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
import org.jijinan.Visitor;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database. They sweep the same due steps at the same time: every step is acted on
 * exactly once — no warning is sent twice and none is skipped (the sweeps' own counts, the steps' stages and the
 * audited batch totals all say 400). And a bearer token both nodes have honoured (and so keep) is refused on the node
 * that ended it on the very next call, and on the other within the token cache's bound, whether it was revoked, its
 * account stopped or its role removed.
 */
class TwoNodeTests {

	static final Duration TOKEN_CACHE_BOUND = Duration.ofSeconds(3);

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

	@Test
	void endsABearerTokenOnTheOtherNodeWithinTheCacheBound() {
		var staff = StaffFixtures.from(first);
		Visitor admin = StaffFixtures.signedIn(port(first),
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));

		var revoked = tokenHolder(staff);
		endsEverywhere(revoked.token(), () -> StaffFixtures.revokeOwnToken(revoked.session()));

		var stopped = tokenHolder(staff);
		endsEverywhere(stopped.token(), () -> assertThat(
				admin.json("POST", "/api/v1/accounts/" + stopped.account().id().value() + "/disabling", "{}").status())
			.isEqualTo(200));

		var narrowed = tokenHolder(staff);
		endsEverywhere(narrowed.token(), () -> assertThat(admin
			.json("PUT", "/api/v1/accounts/" + narrowed.account().id().value() + "/roles",
					"{\"roles\": [\"TOWNSHIP_REVIEWER\"]}")
			.status()).isEqualTo(200));
	}

	/**
	 * Both nodes honour the token; the first ends it; it is refused there at once and on the second within the bound.
	 */
	private static void endsEverywhere(String token, Runnable ending) {
		assertThat(me(first, token)).isEqualTo(200);
		assertThat(me(second, token)).isEqualTo(200);
		ending.run();
		long ended = System.nanoTime();
		assertThat(me(first, token)).as("the very next call on the node that ended it").isEqualTo(401);
		await().atMost(TOKEN_CACHE_BOUND.plusSeconds(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> me(second, token) == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - ended)).isLessThan(TOKEN_CACHE_BOUND.plusSeconds(2));
	}

	private record Holder(Opened account, Visitor session, String token) {
	}

	private static Holder tokenHolder(StaffFixtures staff) {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER);
		Visitor session = StaffFixtures.signedIn(port(first), clerk);
		return new Holder(clerk, session, StaffFixtures.personalToken(session, 30, "WINDOW_CLERK"));
	}

	private static int me(ConfigurableApplicationContext node, String token) {
		Visitor script = new Visitor(port(node));
		return script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization", "Bearer " + token))
			.status();
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
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
				"--jijinan.identity.token-cache-bound=PT" + TOKEN_CACHE_BOUND.toSeconds() + "S",
				"--logging.level.root=WARN");
	}

}
