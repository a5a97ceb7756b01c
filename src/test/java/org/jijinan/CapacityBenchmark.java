package org.jijinan;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.relief.MedicalBills;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The capacity model's measurements (not part of the suite; see docs/BENCHMARKS.md and the capacity model in
 * docs/ARCHITECTURE.md): for the five busiest operations — a help request received, a request accepted (its case
 * opened), emergency aid granted, a hospital bill settled, a roster row imported — what one costs the platform's JVM in
 * CPU, what it costs PostgreSQL in CPU, and what the database writes for it (commits, rows, WAL bytes). Each operation
 * runs on its own, after its preparation and as many calls again as half the measured ones, in passes over all four
 * API operations repeated until the JIT compiler spends less than a twentieth of a pass (the last pass counts), with
 * {@value #CLIENTS} clients calling with bearer tokens as partner systems
 * and scripts do; the CPU of the clients themselves is left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "jijinan.identity.partner-calls-per-minute=1000000")
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "capacity.benchmark", matches = "\\d+")
class CapacityBenchmark {

	static final int CLIENTS = 4;

	static final int ROSTER_ROWS = 20_000;

	/** The share of a pass the JIT compiler may spend compiling for the pass to be the measured one. */
	static final double SETTLED_COMPILING_SHARE = 0.05;

	/** Passes at most. */
	static final int MOST_PASSES = 6;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	/** Each client thread's own HTTP client, without cookies: it calls with a bearer token. */
	private final ThreadLocal<Visitor> scripts = ThreadLocal.withInitial(() -> new Visitor(port));

	@Test
	void measuresWhatEachOperationCosts() throws Exception {
		int count = Integer.getInteger("capacity.benchmark");
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		Visitor hospital = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		Visitor rosterClerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String clerkToken = StaffFixtures.personalToken(clerk, 1, "WINDOW_CLERK");
		String reviewerToken = StaffFixtures.personalToken(reviewer, 1, "TOWNSHIP_REVIEWER");
		String hospitalToken = StaffFixtures.personalToken(hospital, 1, "DEPARTMENT_OFFICER");
		String rosterToken = StaffFixtures.personalToken(rosterClerk, 1, "WINDOW_CLERK");
		CostMeter meter = new CostMeter(dataSource);
		var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
		// The whole pass again until the JIT compiler has settled: on two cores it is still compiling the operations'
		// code for minutes, on one of the two cores, and a pass measured meanwhile measures the compiler.
		List<CostMeter.Cost> costs;
		int pass = 0;
		double compiling;
		do {
			long compiledBefore = compiler.getTotalCompilationTime();
			long passStart = System.nanoTime();
			costs = pass(meter, count, clerk, reviewer, county, clerkToken, reviewerToken, hospitalToken);
			compiling = (compiler.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - passStart) / 1e6);
			pass++;
			System.out.printf("CAPACITY BENCHMARK pass %d: the JIT compiler took %.0f %% of it%n", pass,
					compiling * 100);
		}
		while (compiling > SETTLED_COMPILING_SHARE && pass < MOST_PASSES);
		if (Boolean.getBoolean("capacity.help-requests-only")) {
			System.out.println("CAPACITY BENCHMARK " + costs.get(0));
			System.out.println("CAPACITY BENCHMARK incomplete publications: " + incompletePublications());
			return;
		}

		byte[] roster = roster(ROSTER_ROWS);
		CostMeter.Reading before = meter.read();
		long start = System.nanoTime();
		Visitor uploader = new Visitor(port);
		Visitor.Page accepted = uploader.upload("/api/v1/roster-imports", "file", "花名册.csv", roster, rosterToken);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
			.until(() -> get(uploader, rosterToken, "/api/v1/roster-imports/" + id).contains("\"status\":\"COMPLETED\""));
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(get(uploader, rosterToken, "/api/v1/roster-imports/" + id)).contains("\"rowsAdded\":" + ROSTER_ROWS);
		List<CostMeter.Cost> measured = new ArrayList<>(costs);
		measured.add(meter.cost("roster row imported", ROSTER_ROWS, before, meter.read(), seconds));

		System.out.printf("%nCAPACITY BENCHMARK clients=%d cores=%d%n", CLIENTS,
				Runtime.getRuntime().availableProcessors());
		measured.forEach(cost -> System.out.println("CAPACITY BENCHMARK " + cost));
		System.out.println("CAPACITY BENCHMARK incomplete publications: " + incompletePublications());
	}

	/**
	 * One pass over the four API operations, each measured after its preparation and as many calls again as half
	 * the measured ones.
	 * @return what each cost, in order (only the help request's when {@code capacity.help-requests-only} is set)
	 */
	private List<CostMeter.Cost> pass(CostMeter meter, int count, Visitor clerk, Visitor reviewer, Visitor county,
			String clerkToken, String reviewerToken, String hospitalToken) throws Exception {
		List<CostMeter.Cost> costs = new ArrayList<>();

		int warm = count / 2;
		costs.add(measure(meter, "help request received", warm, count,
				i -> post(clerkToken, "/api/v1/help-requests", helpRequest("NORMAL"))));
		if (Boolean.getBoolean("capacity.help-requests-only")) {
			return costs;
		}

		List<String> requests = drive(warm + count, i -> IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests",
				helpRequest("NORMAL"))));
		costs.add(measure(meter, "request accepted, case opened", warm, count,
				i -> post(reviewerToken, "/api/v1/help-requests/" + requests.get(i) + "/acceptance", "")));

		List<String> cases = drive(warm + count,
				i -> CaseFixtures.acceptedCase(clerk, reviewer, helpRequest("EMERGENCY")));
		Visitor.Page topUp = county.json("POST", "/api/v1/reserve-funds/" + StaffFixtures.DAOTANGHE.value() + "/top-ups",
				"{\"amount\": %d, \"reference\": \"BENCH-%s\", \"note\": \"基准测试\"}".formatted((warm + count) * 100,
						UUID.randomUUID().toString().substring(0, 8)));
		assertThat(topUp.status()).as(topUp.body()).isEqualTo(200);
		costs.add(measure(meter, "emergency aid granted", warm, count,
				i -> post(reviewerToken, "/api/v1/cases/" + cases.get(i) + "/emergency-aid", """
						{"cause": "FIRE", "amount": 100, "goods": "", "situation": "房屋夜间失火，一家人无处安身"}""")));

		List<String[]> patients = drive(64, i -> MedicalBills.patient(clerk, reviewer));
		costs.add(measure(meter, "hospital bill settled", warm, count, i -> post(hospitalToken, "/api/v1/medical-settlements",
				MedicalBills.bill(patients.get(i % patients.size()),
						"C" + UUID.randomUUID().toString().substring(0, 18)))));

		return costs;
	}

	/**
	 * @return the event publications whose listener has not completed, by listener: none is left behind when the
	 *     listeners keep up
	 */
	private java.util.Map<String, Integer> incompletePublications() {
		java.util.Map<String, Integer> incomplete = new java.util.TreeMap<>();
		org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("select listener_id, count(*) from event_publication where completion_date is null group by listener_id")
			.query((row, n) -> incomplete.put(row.getString(1), row.getInt(2)))
			.list();
		return incomplete;
	}

	/**
	 * Makes {@code warm} calls unmeasured (the JIT compiles the path), then {@code count} measured ones.
	 */
	private CostMeter.Cost measure(CostMeter meter, String operation, int warm, int count, IntFunction<?> call)
			throws Exception {
		drive(warm, call);
		CostMeter.Reading before = meter.read();
		long start = System.nanoTime();
		drive(count, i -> call.apply(warm + i));
		double seconds = (System.nanoTime() - start) / 1e9;
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
			.until(() -> incompletePublications().isEmpty());
		System.out.printf("CAPACITY BENCHMARK %s: the listeners finished %.1f s after the last call%n", operation,
				(System.nanoTime() - start) / 1e9 - seconds);
		return meter.cost(operation, count, before, meter.read(), seconds);
	}

	/**
	 * Makes {@code count} calls from {@value #CLIENTS} client threads, each taking the next index.
	 * @return what each call answered, by index
	 */
	private static <T> List<T> drive(int count, IntFunction<T> call) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS,
				task -> new Thread(task, "capacity-client-" + threads.incrementAndGet()));
		List<T> answers = new ArrayList<>(java.util.Collections.nCopies(count, null));
		List<Future<?>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					T answer = call.apply(i);
					synchronized (answers) {
						answers.set(i, answer);
					}
				}
				return null;
			}));
		}
		for (Future<?> client : clients) {
			client.get();
		}
		pool.shutdown();
		return answers;
	}

	private String post(String token, String path, String json) {
		Visitor script = scripts.get();
		var answer = script.send(HttpRequest.newBuilder(script.uri(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(json)));
		if (answer.status() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.body();
	}

	private static String get(Visitor script, String token, String path) {
		return script.send(HttpRequest.newBuilder(script.uri(path)).header("Authorization", "Bearer " + token).GET())
			.body();
	}

	/**
	 * @return a help request from a reporter with a phone of their own (no possible duplicates to clear)
	 */
	private static String helpRequest(String urgency) {
		return IntakeTests.request(urgency, "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)),
				"FIRE");
	}

	/**
	 * @return a roster of valid rows for a village of Qiabuqia, with ID numbers no other run uses
	 */
	private static byte[] roster(int rows) {
		StringBuilder csv = new StringBuilder("姓名,公民身份号码,联系电话,户籍村代码,民族,现住址\n");
		int run = ThreadLocalRandom.current().nextInt(1000);
		for (int n = 0; n < rows; n++) {
			LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(run * 30L + n / 1000);
			String body = "632521" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
			csv.append("才让").append(n % 997).append(',').append(body).append(ResidentIdNumber.checkCharacter(body))
				.append(',').append(n % 3 == 0 ? String.format("139%08d", n) : "").append(",632521100201,藏族,共和县恰卜恰镇")
				.append(n % 50).append("号\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
