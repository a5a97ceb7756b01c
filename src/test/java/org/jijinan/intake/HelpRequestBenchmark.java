package org.jijinan.intake;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jijinan.LoadRun;
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
 * request's own rows (request, cause, idempotency key), once every write the platform makes for a request (also the
 * audit record and chain head, the event publication and its completion, the outbox message and the session's access
 * time) in the same three transactions.
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
		run(clients, 3, null);
		LoadRun.Result peak = run(clients, seconds, null);
		LoadRun.Result half = run(clients, seconds, null, peak.rate() / 2);
		run(scripts, 3, token);
		LoadRun.Result bearerPeak = Profiler.during("help-requests-bearer-peak", () -> run(scripts, seconds, token));
		LoadRun.Result bearerHalf = run(scripts, seconds, token, bearerPeak.rate() / 2);
		double jdbc = plainInserts(seconds, false, false);
		double everyWrite = plainInserts(seconds, true, false);
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
	 * @param everyWrite besides the request's own rows, also what the platform writes around them: the audit record
	 * and chain head, the event publication and its completion, the outbox message and the session's access time,
	 * in the same three transactions
	 * @param countyEach whether each client writes for a county of its own (so to an audit chain of its own) rather
	 * than all for the benchmark clerk's county
	 * @return request-equivalents per second
	 */
	private double plainInserts(int seconds, boolean everyWrite, boolean countyEach) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		List<String> sessions = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("select primary_id from spring_session order by primary_id")
			.query(String.class)
			.list();
		List<Future<Long>> futures = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			String session = sessions.get(i % sessions.size());
			String chain = countyEach ? "63990" + i : StaffFixtures.QIABUQIA.value().substring(0, 6);
			org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
				.sql("insert into audit_chain (chain, sequence, mac, head_mac) values (:chain, 0, :mac, 'genesis') "
						+ "on conflict (chain) do nothing")
				.param("chain", chain)
				.param("mac", "0".repeat(64))
				.update();
			futures.add(pool.submit(() -> {
				long rows = 0;
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						UUID id = insertOne(connection);
						if (everyWrite) {
							writeAround(connection, id, chain);
						}
						connection.commit();
						if (everyWrite) {
							completeAfterCommit(connection, id, session);
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

	/**
	 * @param chain the audit chain the request's record joins (its county's)
	 */
	private static void writeAround(Connection connection, UUID id, String chain) throws Exception {
		try (PreparedStatement head = connection
			.prepareStatement("select sequence, mac from audit_chain where chain = ? for update");
				PreparedStatement audit = connection.prepareStatement("""
						insert into audit_record (sequence, chain, chain_sequence, occurred_at, actor, action, subject_type,
						  subject_id, result, client_address, details, previous_mac, mac)
						values (nextval('audit_record_sequence'), ?, ?, now(), 'bench', 'intake.request-received',
						  'help-request', ?, 'SUCCESS', '127.0.0.1', '{"channel":"WINDOW"}', ?, ?)""");
				PreparedStatement moveHead = connection
					.prepareStatement("update audit_chain set sequence = ?, mac = ?, head_mac = ? where chain = ?");
				PreparedStatement publication = connection.prepareStatement("""
						insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
						  status, completion_attempts)
						values (?, 'org.jijinan.notify.ApplicantMessages.on', 'org.jijinan.intake.HelpRequestReceived', ?,
						  now(), 'PUBLISHED', 0)""");
				PreparedStatement key = connection
					.prepareStatement("update intake_idempotency set request_number = ? where caller = 'bench' and idempotency_key = ?")) {
			long sequence;
			String previous;
			head.setString(1, chain);
			try (var row = head.executeQuery()) {
				row.next();
				sequence = row.getLong(1) + 1;
				previous = row.getString(2);
			}
			String mac = "b".repeat(64);
			audit.setString(1, chain);
			audit.setLong(2, sequence);
			audit.setString(3, id.toString());
			audit.setString(4, previous);
			audit.setString(5, mac);
			audit.executeUpdate();
			moveHead.setLong(1, sequence);
			moveHead.setString(2, mac);
			moveHead.setString(3, mac);
			moveHead.setString(4, chain);
			moveHead.executeUpdate();
			publication.setObject(1, id);
			publication.setString(2, "{\"number\":\"" + id + "\",\"channel\":\"WINDOW\",\"urgency\":\"NORMAL\"}");
			publication.executeUpdate();
			key.setString(1, id.toString().substring(0, 19));
			key.setString(2, id.toString());
			key.executeUpdate();
		}
	}

	private static void completeAfterCommit(Connection connection, UUID id, String sessionId) throws Exception {
		try (PreparedStatement message = connection.prepareStatement("""
				insert into notify_message (id, source_key, recipient_sealed, recipient_masked, channel, body, status,
				  next_attempt_at, created_at)
				values (?, ?, ?, '139****0000', 'SMS', '您的求助已登记', 'PENDING', now(), now())""");
				PreparedStatement completion = connection.prepareStatement(
						"update event_publication set completion_date = now(), status = 'COMPLETED' where id = ?");
				PreparedStatement session = connection.prepareStatement(
						"update spring_session set last_access_time = ?, expiry_time = ? where primary_id = ?")) {
			message.setObject(1, id);
			message.setString(2, "received:" + id);
			message.setString(3, "v1:" + "x".repeat(60));
			message.executeUpdate();
			completion.setObject(1, id);
			completion.executeUpdate();
			connection.commit();
			session.setLong(1, System.currentTimeMillis());
			session.setLong(2, System.currentTimeMillis() + 1_800_000);
			session.setString(3, sessionId);
			session.executeUpdate();
			connection.commit();
		}
	}

	record Result(double rate, double p50, double p99) {

		@Override
		public String toString() {
			return Arrays.toString(new double[] { rate, p50, p99 });
		}

	}

}
