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
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jijinan.TestPlatform;
import org.jijinan.Visitor;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
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
 * measures latency, and in the same run plain JDBC clients insert the same rows (request, cause, key) into the same
 * tables without the application.
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
		run(clients, 3, 0);
		Result peak = run(clients, seconds, 0);
		Result half = run(clients, seconds, peak.rate() / 2);
		double jdbc = plainInserts(seconds);
		System.out.printf("%nHELP REQUEST BENCHMARK clients=%d peak=%.0f req/s (p50 %.1f ms, p99 %.1f ms) | at half "
				+ "peak %.0f req/s: p50 %.1f ms, p99 %.1f ms | plain JDBC inserts %.0f rows/s | ratio %.2f%n", CLIENTS,
				peak.rate(), peak.p50(), peak.p99(), half.rate(), half.p50(), half.p99(), jdbc, peak.rate() / jdbc);
		assertThat(peak.rate()).isPositive();
	}

	private Result run(List<Visitor> clients, int seconds, double targetRate) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		AtomicLong next = new AtomicLong(start);
		long interval = targetRate > 0 ? (long) (1e9 / targetRate) : 0;
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (Visitor client : clients) {
			futures.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					long scheduled = interval == 0 ? System.nanoTime() : next.getAndAdd(interval);
					long wait = scheduled - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					var answer = client.send(HttpRequest.newBuilder(client.uri("/api/v1/help-requests"))
						.header("Content-Type", "application/json")
						.header("X-CSRF-TOKEN", client.csrf())
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.POST(HttpRequest.BodyPublishers.ofString(IntakeTests.request("NORMAL", "13909740000", "FIRE"))));
					if (answer.status() != 201) {
						throw new IllegalStateException(answer.body());
					}
					latencies.add(System.nanoTime() - scheduled);
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		pool.shutdown();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6);
	}

	private double plainInserts(int seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		List<Future<Long>> futures = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			futures.add(pool.submit(() -> {
				long rows = 0;
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						insertOne(connection);
						connection.commit();
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

	private static void insertOne(Connection connection) throws Exception {
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
	}

	record Result(double rate, double p50, double p99) {

		@Override
		public String toString() {
			return Arrays.toString(new double[] { rate, p50, p99 });
		}

	}

}
