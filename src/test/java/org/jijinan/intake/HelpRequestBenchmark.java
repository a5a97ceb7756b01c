package org.jijinan.intake;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.CostMeter;
import org.jijinan.DatabaseStatements;
import org.jijinan.LoadRun;
import org.jijinan.PlainAudit;
import org.jijinan.Profiler;
import org.jijinan.TestPlatform;
import org.jijinan.Visitor;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help-request API benchmark (not part of the suite; see docs/BENCHMARKS.md). Closed-loop clients find the peak
 * rate of {@code POST /api/v1/help-requests} (with an Idempotency-Key each), an open-loop run at half that rate
 * measures latency — once with signed-in sessions, once with a personal bearer token (no session, no cookie) — and in
 * the same run plain JDBC clients write the same rows into the same tables without the application: once only the
 * request's own rows (request, cause, idempotency key), once every write the platform makes for a call with a bearer
 * token, in the transactions it makes them in (the 24 rows and 10 commits per request that {@code bench/capacity.sh}
 * counts: the request's transaction with its publications, audit record and supervision step; then, for each of the
 * three listeners, the publication marked in progress, the listener's writes and the publication completed; the
 * dispatcher's rounds), and that again with each client in a county of its own (an audit chain each). A session call
 * writes one row more (the session's access time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "help-requests.benchmark", matches = "\\d+")
class HelpRequestBenchmark {

	static final int CLIENTS = 8;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	EmbeddedPostgres postgres;

	/** How many request-equivalents the last plain-JDBC run wrote. */
	private long written;

	@Test
	void measuresThroughputAndLatencyAgainstPlainInserts() throws Exception {
		int seconds = Integer.getInteger("help-requests.benchmark");
		var clerk = StaffFixtures.from(context).active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.WINDOW_CLERK);
		List<Visitor> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			Visitor visitor = new Visitor(port);
			visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);
			visitor.get("/");
			clients.add(visitor);
		}
		String token = personalToken(clients.get(0));
		List<Visitor> scripts = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			scripts.add(new Visitor(port));
		}
		// Both ways of calling warmed up before either is measured, until the JIT compiler has settled: it is still
		// at work on the request's code after a minute on two cores, and the phase measured would pay for it.
		int warmedUp = LoadRun.warmUp(warmUp -> {
			run(clients, warmUp, null);
			run(scripts, warmUp, token);
		});
		System.out.printf("HELP REQUEST BENCHMARK warmed up for %d s each way of calling%n", warmedUp);
		CostMeter meter = new CostMeter(dataSource);
		LoadRun.caughtUp(dataSource);
		DatabaseStatements.reset(postgres);
		CostMeter.Reading before = meter.read();
		LoadRun.Result peak = Profiler.during("help-requests-session-peak", () -> run(clients, seconds, null));
		CostMeter.Cost sessionsCost = meter.cost("the platform, with sessions", Math.round(peak.rate() * seconds),
				before, meter.read(), seconds);
		DatabaseStatements.print(postgres, "HELP REQUEST BENCHMARK", "sessions", sessionsCost.operations());
		LoadRun.Result half = run(clients, seconds, null, peak.rate() / 2);
		run(scripts, 3, token);
		LoadRun.caughtUp(dataSource);
		DatabaseStatements.reset(postgres);
		before = meter.read();
		LoadRun.Result bearerPeak = Profiler.during("help-requests-bearer-peak", () -> run(scripts, seconds, token));
		CostMeter.Cost bearerCost = meter.cost("the platform, with bearer tokens",
				Math.round(bearerPeak.rate() * seconds), before, meter.read(), seconds);
		DatabaseStatements.print(postgres, "HELP REQUEST BENCHMARK", "bearer tokens", bearerCost.operations());
		LoadRun.Result bearerHalf = run(scripts, seconds, token, bearerPeak.rate() / 2);
		double jdbc = plainInserts(seconds, false, false);
		before = meter.read();
		double everyWrite = plainInserts(seconds, true, false);
		CostMeter.Cost everyWriteCost = meter.cost("plain JDBC, every write of a request", written, before, meter.read(),
				seconds);
		double eightCounties = plainInserts(seconds, true, true);
		System.out.printf("%nHELP REQUEST BENCHMARK clients=%d sessions: peak=%.0f req/s (p50 %.1f ms, p99 %.1f ms) | "
				+ "at half peak %.0f req/s: p50 %.1f ms, p99 %.1f ms | bearer tokens: peak=%.0f req/s (p50 %.1f ms, "
				+ "p99 %.1f ms) | at half peak %.0f req/s: p50 %.1f ms, p99 %.1f ms | plain JDBC, the request's rows: "
				+ "%.0f/s (ratio %.2f, bearer %.2f) | plain JDBC, every write of a request: %.0f/s (ratio %.2f, bearer "
				+ "%.2f) | plain JDBC, every write, each client in a county of its own: %.0f/s (%.2f times one "
				+ "county's)%n", CLIENTS, peak.rate(), peak.p50(), peak.p99(), half.rate(), half.p50(), half.p99(),
				bearerPeak.rate(), bearerPeak.p50(), bearerPeak.p99(), bearerHalf.rate(), bearerHalf.p50(),
				bearerHalf.p99(), jdbc, peak.rate() / jdbc, bearerPeak.rate() / jdbc, everyWrite,
				peak.rate() / everyWrite, bearerPeak.rate() / everyWrite, eightCounties, eightCounties / everyWrite);
		System.out.println("HELP REQUEST BENCHMARK what each cost per request: " + sessionsCost + " || " + bearerCost
				+ " || " + everyWriteCost);
		assertThat(peak.rate()).isPositive();
		assertThat(bearerPeak.rate()).isPositive();
	}

	private static LoadRun.Result run(List<Visitor> clients, int seconds, @Nullable String token) throws Exception {
		return run(clients, seconds, token, 0);
	}

	/**
	 * @param token a personal token to call with, or {@code null} to call with the client's session and CSRF token
	 */
	private static LoadRun.Result run(List<Visitor> clients, int seconds, @Nullable String token, double targetRate)
			throws Exception {
		return LoadRun.run(clients.size(), seconds, targetRate, c -> {
			Visitor client = clients.get(c);
			var request = HttpRequest.newBuilder(client.uri("/api/v1/help-requests"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(IntakeTests.request("NORMAL", "13909740000", "FIRE")));
			if (token == null) {
				request.header("X-CSRF-TOKEN", client.csrf());
			}
			else {
				request.header("Authorization", "Bearer " + token);
			}
			var answer = client.send(request);
			if (answer.status() != 201) {
				throw new IllegalStateException(answer.body());
			}
		});
	}

	private static String personalToken(Visitor session) {
		return StaffFixtures.personalToken(session, 1, "WINDOW_CLERK");
	}

	/**
	 * @param everyWrite besides the request's own rows, every other write the platform makes for a request, in the
	 * transactions it makes them in ({@link #writeAround}, {@link #listenersAfterCommit})
	 * @param countyEach whether each client writes for a county of its own (so to an audit chain of its own) rather
	 * than all for the benchmark clerk's county
	 * @return request-equivalents per second
	 */
	private double plainInserts(int seconds, boolean everyWrite, boolean countyEach) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		List<Future<Long>> futures = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			String chain = countyEach ? "63990" + i : StaffFixtures.QIABUQIA.value().substring(0, 6);
			String township = chain + "101";
			PlainAudit.ensureChain(dataSource, chain);
			futures.add(pool.submit(() -> {
				long rows = 0;
				List<UUID> toSend = new ArrayList<>();
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						UUID id = insertOne(connection);
						if (everyWrite) {
							UUID[] publications = writeAround(connection, id, chain);
							connection.commit();
							toSend.addAll(listenersAfterCommit(connection, id, publications, township));
							if (toSend.size() >= DISPATCH_BATCH) {
								dispatch(connection, toSend);
							}
						}
						else {
							connection.commit();
						}
						rows++;
					}
				}
				return rows;
			}));
		}
		long total = 0;
		for (Future<Long> future : futures) {
			total += future.get();
		}
		pool.shutdown();
		written = total;
		return total / ((System.nanoTime() - start) / 1e9);
	}

	private static UUID insertOne(Connection connection) throws Exception {
		UUID id = UUID.randomUUID();
		String number = "BENCH-" + id.toString().substring(0, 13);
		try (PreparedStatement key = connection.prepareStatement(
				"insert into intake_idempotency (caller, idempotency_key, body_sha256, request_number, created_at) "
						+ "values ('bench', ?, ?, ?, now())");
				PreparedStatement request = connection.prepareStatement("""
						insert into intake_help_request (id, number, channel, urgency, status, reporter_name,
						  reporter_relation, reporter_phone_sealed, reporter_phone_masked, subject_name, village, township,
						  township_path, description, owner, owner_organisation, received_at, accept_by)
						values (?, ?, 'WINDOW', 'NORMAL', 'RECEIVED', '邻居老王', 'NEIGHBOUR', ?, '139****0000', '才让',
						  '632521101201', '632521101', '/630000/632500/632521/632521101/', '昨夜房屋失火', 'bench', 'bench', ?, ?)""");
				PreparedStatement cause = connection
					.prepareStatement("insert into intake_help_request_cause (request_id, cause_code) values (?, 'FIRE')")) {
			key.setString(1, id.toString());
			key.setString(2, "0".repeat(64));
			key.setString(3, number);
			key.executeUpdate();
			request.setObject(1, id);
			request.setString(2, number.substring(0, 19));
			request.setString(3, "v1:" + "x".repeat(60));
			request.setTimestamp(4, Timestamp.from(Instant.now()));
			request.setTimestamp(5, Timestamp.from(Instant.now()));
			request.executeUpdate();
			cause.setObject(1, id);
			cause.executeUpdate();
		}
		return id;
	}

	/** The listeners that react to a request received, each with a publication of its own. */
	private static final List<String> LISTENERS = List.of("org.jijinan.notify.StaffAlerts.on",
			"org.jijinan.notify.ApplicantMessages.on", "org.jijinan.reporting.ReportingListeners.on");

	/** How many messages the dispatcher marks sent in one transaction, about as many as it finds per round. */
	private static final int DISPATCH_BATCH = 20;

	/**
	 * The rest of the request's own transaction: a publication for each listener, the audit record in the county's
	 * chain (its head locked and moved), the supervision step, the idempotency key's request number.
	 * @param chain the audit chain the request's record joins (its county's)
	 * @return the publications' ids, in the order of {@link #LISTENERS}
	 */
	private static UUID[] writeAround(Connection connection, UUID id, String chain) throws Exception {
		UUID[] publications = new UUID[LISTENERS.size()];
		try (PreparedStatement publication = connection.prepareStatement("""
						insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
						  status, completion_attempts)
						values (?, ?, 'org.jijinan.intake.HelpRequestReceived', ?, now(), 'PUBLISHED', 0)""");
				PreparedStatement step = connection.prepareStatement("""
						insert into supervision_step (id, kind, subject_ref, area_path, unit_key, unit_name, responsible,
						  started_at, due_at, status, stage, next_action_at)
						values (?, 'REQUEST_DECISION', ?, '/630000/632500/632521/632521101/', '632521101', '恰卜恰镇',
						  'bench', now(), now() + interval '1 day', 'OPEN', 0, now() + interval '20 hours')""");
				PreparedStatement key = connection
					.prepareStatement("update intake_idempotency set request_number = ? where caller = 'bench' and idempotency_key = ?")) {
			for (int i = 0; i < publications.length; i++) {
				publications[i] = UUID.randomUUID();
				publication.setObject(1, publications[i]);
				publication.setString(2, LISTENERS.get(i));
				publication.setString(3, "{\"number\":\"" + id + "\",\"channel\":\"WINDOW\",\"urgency\":\"NORMAL\"}");
				publication.executeUpdate();
			}
			PlainAudit.append(connection, chain, "intake.request-received", "help-request", id.toString(),
					"{\"channel\":\"WINDOW\"}");
			step.setObject(1, UUID.randomUUID());
			step.setString(2, id.toString().substring(0, 19));
			step.executeUpdate();
			key.setString(1, id.toString().substring(0, 19));
			key.setString(2, id.toString());
			key.executeUpdate();
		}
		return publications;
	}

	/**
	 * What the three listeners write after the request's commit, each as Spring Modulith runs them: the publication
	 * marked in progress (a transaction of its own), the listener's writes (one transaction), the publication marked
	 * completed (a transaction of its own). The township's inbox alert; the applicant's milestone and text message;
	 * the dashboards' fact, seen-mark and roll-up count.
	 * @param township the request's township, whose dashboard counts it
	 * @return the messages written, for the dispatcher
	 */
	private static List<UUID> listenersAfterCommit(Connection connection, UUID id, UUID[] publications,
			String township) throws Exception {
		String number = id.toString().substring(0, 19);
		UUID alert = UUID.randomUUID();
		UUID text = UUID.randomUUID();
		try (PreparedStatement processing = connection.prepareStatement(
				"update event_publication set status = 'PROCESSING' where id = ? and status != 'PROCESSING'");
				PreparedStatement completed = connection.prepareStatement(
						"update event_publication set status = 'COMPLETED', completion_date = now() where id = ?");
				// Due tomorrow, so that the platform's own dispatcher, running beside the baseline, leaves the
				// baseline's messages (and their made-up recipients) to the baseline's dispatcher rounds.
				PreparedStatement message = connection.prepareStatement("""
						insert into notify_message (id, source_key, recipient_sealed, recipient_masked, channel, body, status,
						  next_attempt_at, created_at, link)
						values (?, ?, ?, ?, ?, '新求助 已进入本乡镇待受理队列，请在时限内受理或答复。', 'PENDING',
						        now() + interval '1 day', now(), ?)
						on conflict (source_key) do nothing""");
				PreparedStatement milestone = connection.prepareStatement("""
						insert into notify_applicant_milestone (request_number, kind, source, at, arguments)
						values (?, 'RECEIVED', ?, now(), '{}') on conflict do nothing""");
				PreparedStatement seen = connection
					.prepareStatement("insert into reporting_seen (key) values (?) on conflict do nothing");
				PreparedStatement fact = connection.prepareStatement("""
						insert into reporting_request (number, township, channel, cause, urgency, received_at)
						values (?, ?, 'WINDOW', 'FIRE', 'NORMAL', now()) on conflict do nothing""");
				PreparedStatement rollup = connection.prepareStatement("""
						insert into reporting_cases (month, township, channel, cause, urgency, requests, cases, aided)
						values (date_trunc('month', now())::date, ?, 'WINDOW', 'FIRE', 'NORMAL', 1, 0, 0)
						on conflict (month, township, channel, cause, urgency)
						do update set requests = reporting_cases.requests + 1""")) {
			for (int listener = 0; listener < publications.length; listener++) {
				processing.setObject(1, publications[listener]);
				processing.executeUpdate();
				connection.commit();
				switch (listener) {
					case 0 -> {
						message.setObject(1, alert);
						message.setString(2, "alert-received:" + number);
						message.setString(3, null);
						message.setString(4, "bench");
						message.setString(5, "INBOX");
						message.setString(6, "/intake/requests/" + number);
						message.executeUpdate();
					}
					case 1 -> {
						milestone.setString(1, number);
						milestone.setString(2, number);
						milestone.executeUpdate();
						message.setObject(1, text);
						message.setString(2, "received:" + number);
						message.setString(3, "v1:" + "x".repeat(60));
						message.setString(4, "139****0000");
						message.setString(5, "SMS");
						message.setString(6, null);
						message.executeUpdate();
					}
					default -> {
						seen.setString(1, "request:" + number);
						seen.executeUpdate();
						fact.setString(1, number);
						fact.setString(2, township);
						fact.executeUpdate();
						rollup.setString(1, township);
						rollup.executeUpdate();
					}
				}
				connection.commit();
				completed.setObject(1, publications[listener]);
				completed.executeUpdate();
				connection.commit();
			}
		}
		return List.of(alert, text);
	}

	/**
	 * The dispatcher's round: the messages written since its last round marked sent, in one transaction.
	 */
	private static void dispatch(Connection connection, List<UUID> messages) throws Exception {
		try (PreparedStatement sent = connection.prepareStatement(
				"update notify_message set status = 'SENT', attempts = 1, sent_at = now() where id = any (?)")) {
			sent.setArray(1, connection.createArrayOf("uuid", messages.toArray()));
			sent.executeUpdate();
		}
		connection.commit();
		messages.clear();
	}

}
