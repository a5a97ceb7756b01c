package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.jijinan.CostMeter;
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
 * The settlement API benchmark ({@code bench/medical-settlements.sh}, not part of the suite): closed-loop hospital
 * clients find the peak rate of {@code POST /api/v1/medical-settlements}, an open-loop run at half that rate measures
 * latency, and in the same run plain JDBC clients make the same writes without the application (the person's lock,
 * the admission, the year's sums, the settlement, the admission closed and the chain record, in one transaction).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "medical-settlements.benchmark", matches = "\\d+")
class MedicalSettlementBenchmark {

	static final int CLIENTS = 8;

	/**
	 * Patients in all ({@code -Dmedical-settlements.patients}): a county's patient is settled a few times a year, so
	 * the benchmark spreads its bills over enough patients that each one's year holds about as many as a real one's
	 * (their sums and the early-warning history are read for every bill).
	 */
	static final int PATIENTS = Integer.getInteger("medical-settlements.patients", 1024);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Test
	void measuresThroughputAndLatencyAgainstPlainWrites() throws Exception {
		int seconds = Integer.getInteger("medical-settlements.benchmark");
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		var hospital = staff.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER);
		long registering = System.nanoTime();
		ExecutorService township = Executors.newFixedThreadPool(CLIENTS);
		List<Future<List<String[]>>> registered = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			registered.add(township.submit(() -> {
				List<String[]> patients = new ArrayList<>();
				for (int p = 0; p < 2 * (PATIENTS / CLIENTS); p++) {
					patients.add(MedicalBills.patient(clerk, reviewer));
				}
				return patients;
			}));
		}
		// Each client's first half of patients is the warm-up's (whose yearly caps it reaches), the second half the
		// measured phases' (who have a county patient's few bills a year).
		int each = PATIENTS / CLIENTS;
		List<Client> warmUpClients = new ArrayList<>();
		List<Client> clients = new ArrayList<>();
		for (Future<List<String[]>> patients : registered) {
			Visitor visitor = StaffFixtures.signedIn(port, hospital);
			warmUpClients.add(new Client(visitor, patients.get().subList(0, each)));
			clients.add(new Client(visitor, patients.get().subList(each, 2 * each)));
		}
		township.shutdown();
		System.out.printf("MEDICAL SETTLEMENT BENCHMARK %d patients registered in %.1f s, as many for the warm-up%n",
				each * CLIENTS, (System.nanoTime() - registering) / 1e9);
		String token = StaffFixtures.personalToken(clients.get(0).visitor(), 1, "DEPARTMENT_OFFICER");
		List<Client> scripts = clients.stream().map(client -> new Client(new Visitor(port), client.patients())).toList();
		List<Client> warmUpScripts = warmUpClients.stream()
			.map(client -> new Client(new Visitor(port), client.patients()))
			.toList();
		// Both ways of calling warmed up before either is measured, until the JIT compiler has settled.
		int warmedUp = LoadRun.warmUp(warmUp -> {
			run(warmUpClients, warmUp, null, 0);
			run(warmUpScripts, warmUp, token, 0);
		});
		System.out.printf("MEDICAL SETTLEMENT BENCHMARK warmed up for %d s each way of calling%n", warmedUp);
		LoadRun.caughtUp(dataSource);
		LoadRun.Result peak = run(clients, seconds, null, 0);
		LoadRun.Result half = run(clients, seconds, null, peak.rate() / 2);
		run(scripts, 3, token, 0);
		CostMeter meter = new CostMeter(dataSource);
		LoadRun.caughtUp(dataSource);
		CostMeter.Reading before = meter.read();
		LoadRun.Result bearerPeak = Profiler.during("medical-settlements-bearer-peak",
				() -> run(scripts, seconds, token, 0));
		CostMeter.Cost platformWrote = meter.cost("the platform, with bearer tokens",
				Math.round(bearerPeak.rate() * seconds), before, meter.read(), seconds);
		LoadRun.Result bearerHalf = run(scripts, seconds, token, bearerPeak.rate() / 2);
		before = meter.read();
		double assisted = platformWrote.tables().getOrDefault("relief_assistance", 0.0);
		double warned = platformWrote.tables().getOrDefault("supervision_step", 0.0);
		// A warning a settlement joins has its reason rewritten (the year's total in it grows); a new one is inserted
		// and marked aided: what the platform wrote to the warnings beyond that is the share of joined warnings whose
		// reason changed.
		double reworded = Math.min(1, Math.max(0,
				(platformWrote.tables().getOrDefault("monitoring_warning", 0.0) - 2 * warned) / (1 - warned)));
		double plain = plainWrites(seconds, assisted, warned, reworded);
		CostMeter.Cost plainWrote = meter.cost("plain JDBC", Math.round(plain * seconds), before, meter.read(),
				seconds);
		System.out.printf("%nMEDICAL SETTLEMENT BENCHMARK clients=%d sessions: peak=%.0f settlements/s (p50 %.1f ms, "
				+ "p99 %.1f ms) | at half peak %.0f/s: p50 %.1f ms, p99 %.1f ms | bearer tokens: peak=%.0f/s (p50 %.1f "
				+ "ms, p99 %.1f ms) | at half peak %.0f/s: p50 %.1f ms, p99 %.1f ms | plain JDBC, the same writes: "
				+ "%.0f/s (ratio %.2f, bearer %.2f; assistance paid in %.0f %%, a warning raised in %.0f %%, a "
				+ "warning's reason rewritten in %.0f %% of settlements)%n", CLIENTS, peak.rate(), peak.p50(),
				peak.p99(), half.rate(), half.p50(), half.p99(), bearerPeak.rate(), bearerPeak.p50(), bearerPeak.p99(),
				bearerHalf.rate(), bearerHalf.p50(), bearerHalf.p99(), plain, peak.rate() / plain,
				bearerPeak.rate() / plain, assisted * 100, warned * 100, reworded * 100);
		System.out.println("MEDICAL SETTLEMENT BENCHMARK what each wrote per settlement: " + platformWrote + " || "
				+ plainWrote);
		assertThat(peak.rate()).isPositive();
		assertThat(bearerPeak.rate()).isPositive();
	}

	/**
	 * @param token a personal token to call with, or {@code null} to call with each client's session and CSRF token
	 */
	private static LoadRun.Result run(List<Client> clients, int seconds, @Nullable String token, double targetRate)
			throws Exception {
		int[] sequence = new int[clients.size()];
		return LoadRun.run(clients.size(), seconds, targetRate, c -> {
			Client client = clients.get(c);
			String[] patient = client.patients().get(sequence[c]++ % client.patients().size());
			var request = HttpRequest.newBuilder(client.visitor().uri("/api/v1/medical-settlements"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(MedicalBills.bill(patient, "B" + UUID.randomUUID().toString().substring(0, 18))));
			if (token == null) {
				request.header("X-CSRF-TOKEN", client.visitor().csrf());
			}
			else {
				request.header("Authorization", "Bearer " + token);
			}
			var answer = client.visitor().send(request);
			if (answer.status() != 201) {
				throw new IllegalStateException(answer.body());
			}
		});
	}

	/**
	 * @param assisted the share of the platform's settlements in the same run that paid medical assistance (after
	 *     the patients' yearly caps are reached none does), which the baseline's settlements pay in the same share
	 * @param warned the share of them whose warning was new, opening a step for its check
	 * @return settlements per second by plain JDBC, each client for persons of its own, as many as the platform's
	 *     clients settle for, in turn (as each hospital client settles for its own patients), writing what the platform writes in the settlement's one transaction
	 */
	private double plainWrites(int seconds, double assisted, double warned, double reworded) throws Exception {
		PlainAudit.ensureChain(dataSource, "632521");
		ThreadLocal<java.util.Random> random = ThreadLocal.withInitial(java.util.Random::new);
		ThreadLocal<List<UUID>> persons = ThreadLocal.withInitial(
				() -> java.util.stream.Stream.generate(UUID::randomUUID).limit(PATIENTS / CLIENTS).toList());
		ThreadLocal<int[]> next = ThreadLocal.withInitial(() -> new int[1]);
		return LoadRun.plain(dataSource, CLIENTS, seconds,
				connection -> settleOne(connection, persons.get().get(next.get()[0]++ % persons.get().size()),
						random.get().nextDouble() < assisted, random.get().nextDouble() < warned,
						random.get().nextDouble() < reworded));
	}

	/**
	 * One settlement's writes: the person's lock, the admission opened and closed, the year's sums read, the
	 * settlement, its early-warning signal linked to the person's warning (a new one in the share of settlements that
	 * raised one on the platform; else the warning's reason rewritten in the share the platform rewrote it), the
	 * audit record in the county's chain; when the warning is new, the step for its check and its audit record; when
	 * assistance was paid, its record, the household's aid noted against its warnings and the dashboards' publication — then, as
	 * Spring Modulith runs the dashboards' listener after the commit, the publication marked in progress, the
	 * activity's fact, seen-mark and roll-up, and the publication completed, each in a transaction of its own.
	 */
	private static void settleOne(Connection connection, UUID person, boolean assisted, boolean warned,
			boolean reworded) throws Exception {
		UUID admission = UUID.randomUUID();
		UUID settlement = UUID.randomUUID();
		try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))");
				PreparedStatement admit = connection.prepareStatement("""
						insert into relief_admission (id, person_id, patient_name, residence_path, hospital_code, hospital_name,
						  hospital_level, admission_number, admitted_on, status, registered_by, registered_at)
						values (?, ?, '拉毛', '/630000/632500/632521/632521101/632521101201/', 'H632521001', '共和县人民医院',
						  'SECONDARY', ?, current_date - 10, 'OPEN', 'bench', now())""");
				PreparedStatement sums = connection.prepareStatement("""
						select coalesce(sum(basic), 0), coalesce(sum(in_policy - basic), 0), coalesce(sum(critical), 0),
						       coalesce(sum(greatest(in_policy - basic - critical - other, 0)), 0), coalesce(sum(assistance), 0)
						  from relief_settlement where person_id = ? and year = 2026 and reversed_at is null""");
				PreparedStatement settle = connection.prepareStatement("""
						insert into relief_settlement (id, admission_id, person_id, residence_path, year, patient_class,
						  in_policy, out_of_policy, basic, critical, basis, basic_reference, assistance, patient, policy_id,
						  rules_version, settled_by, organisation, settled_at)
						values (?, ?, ?, '/630000/632500/632521/632521101/632521101201/', 2026, 'CLASS_2', 30000, 2000, 22050,
						  0, 'INSURERS', 'JB-BENCH', 5565, 4385, '5a0c1e7e-0000-4000-8000-000000000001', 'bench', 'bench',
						  'bench', ?)""");
				PreparedStatement close = connection.prepareStatement(
						"update relief_admission set status = 'SETTLED', discharged_on = current_date - 1 where id = ?");
				PreparedStatement signal = connection.prepareStatement("""
						insert into monitoring_signal (id, source, reference, kind, occurred_on, received_at, person_id,
						  household_key, residence_path, amount, year_total, category)
						values (?, 'platform', ?, 'MEDICAL_SPENDING', current_date, now(), ?, ?,
						  '/630000/632500/632521/632521101/632521101201/', 4385, 4385, null)
						on conflict (source, reference) do nothing returning seq""");
				PreparedStatement warning = connection.prepareStatement("""
						insert into monitoring_warning (id, number, rule_code, rule_version, period, household_key, person_id,
						  residence_path, township_path, severity, reason, status, owner, first_signal_on, raised_at, due_at)
						values (?, ?, ?, 1, '2026-12', ?, ?, '/630000/632500/632521/632521101/632521101201/',
						  '/630000/632500/632521/632521101/', 'HIGH', '自付医疗费用超过阈值', 'OPEN', 'bench', current_date, now(),
						  now() + interval '3 days')
						on conflict (rule_code, period, household_key) do nothing""");
				PreparedStatement reason = connection
					.prepareStatement("update monitoring_warning set reason = ? where id = ?");
				PreparedStatement link = connection.prepareStatement(
						"insert into monitoring_warning_signal (warning_id, signal_id) values (?, ?) on conflict do nothing");
				PreparedStatement chain = connection.prepareStatement("""
						insert into relief_assistance (id, person_id, subject_name, township_path, scheme, source_ref, bill_ref,
						  amount, granted_by, organisation, granted_at)
						values (?, ?, '拉毛', '/630000/632500/632521/632521101/632521101201/', 'MEDICAL', ?, ?, 5565, 'bench',
						  'bench', now()) on conflict (scheme, source_ref) do nothing""")) {
			lock.setString(1, person.toString());
			lock.executeQuery().close();
			admit.setObject(1, admission);
			admit.setObject(2, person);
			admit.setString(3, "P" + admission.toString().substring(0, 18));
			admit.executeUpdate();
			sums.setObject(1, person);
			try (ResultSet row = sums.executeQuery()) {
				row.next();
				row.getBigDecimal(1);
			}
			settle.setObject(1, settlement);
			settle.setObject(2, admission);
			settle.setObject(3, person);
			settle.setTimestamp(4, Timestamp.from(Instant.now()));
			settle.executeUpdate();
			close.setObject(1, admission);
			close.executeUpdate();
			UUID signalId = UUID.randomUUID();
			signal.setObject(1, signalId);
			signal.setString(2, settlement.toString());
			signal.setObject(3, person);
			signal.setObject(4, person);
			signal.executeQuery().close();
			UUID warningId = WARNINGS.get(person);
			if (warned || warningId == null) {
				warningId = UUID.randomUUID();
				warning.setObject(1, warningId);
				warning.setString(2, "YJ" + settlement.toString().substring(0, 18));
				warning.setString(3, "B" + settlement.toString().substring(0, 18));
				warning.setObject(4, person);
				warning.setObject(5, person);
				warning.executeUpdate();
				WARNINGS.put(person, warningId);
			}
			else if (reworded) {
				reason.setString(1, "自付医疗费用超过阈值，本年累计 " + settlement.toString().substring(0, 8));
				reason.setObject(2, warningId);
				reason.executeUpdate();
			}
			link.setObject(1, warningId);
			link.setObject(2, signalId);
			link.executeUpdate();
			PlainAudit.append(connection, "632521", "relief.medical-settled", "settlement", settlement.toString(),
					"{\"assistance\":\"5565\"}");
			if (warned) {
				warningStep(connection, warningId);
			}
			if (assisted) {
				UUID record = UUID.randomUUID();
				chain.setObject(1, record);
				chain.setObject(2, person);
				chain.setString(3, settlement.toString());
				chain.setString(4, "H632521001/P" + admission.toString().substring(0, 18));
				chain.executeUpdate();
				UUID publication = aided(connection, record, person);
				connection.commit();
				dashboards(connection, publication, record);
			}
		}
	}

	/** Each baseline person's warning: a new one where the platform raised one, else the later bills join it. */
	private static final Map<UUID, UUID> WARNINGS = new ConcurrentHashMap<>();

	/** A new warning's check, as supervision opens it, with its audit record. */
	private static void warningStep(Connection connection, UUID warning) throws Exception {
		try (PreparedStatement step = connection.prepareStatement("""
				insert into supervision_step (id, kind, subject_ref, area_path, unit_key, unit_name, responsible,
				  started_at, due_at, status, stage, next_action_at)
				values (?, 'WARNING_CHECK', ?, '/630000/632500/632521/632521101/', '632521101', '恰卜恰镇', 'bench', now(),
				  now() + interval '3 days', 'OPEN', 0, now() + interval '2 days')""")) {
			step.setObject(1, UUID.randomUUID());
			step.setString(2, warning.toString());
			step.executeUpdate();
		}
		PlainAudit.append(connection, "632521", "monitoring.warning-raised", "warning", warning.toString(), "{}");
	}

	/**
	 * The household's aid noted and its warnings marked aided, in the settlement's transaction, and the
	 * dashboards' publication of the assistance.
	 * @return the publication
	 */
	private static UUID aided(Connection connection, UUID record, UUID household) throws Exception {
		UUID publication = UUID.randomUUID();
		try (PreparedStatement aid = connection.prepareStatement(
				"insert into monitoring_household_aid (record_id, household_key, aided_at) values (?, ?, now())");
				PreparedStatement warnings = connection.prepareStatement("""
						update monitoring_warning set aided_at = now()
						 where household_key = ? and aided_at is null and raised_at <= now()""");
				PreparedStatement published = connection.prepareStatement("""
						insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
						  status, completion_attempts)
						values (?, 'org.jijinan.reporting.ReportingListeners.on', 'org.jijinan.relief.AssistanceRecorded', ?,
						  now(), 'PUBLISHED', 0)""")) {
			aid.setObject(1, record);
			aid.setObject(2, household);
			aid.executeUpdate();
			warnings.setObject(1, household);
			warnings.executeUpdate();
			published.setObject(1, publication);
			published.setString(2, "{\"recordId\":\"" + record + "\",\"scheme\":\"MEDICAL\",\"amount\":5565.00}");
			published.executeUpdate();
		}
		return publication;
	}

	/** The dashboards' listener after the settlement's commit, with its publication's marking. */
	private static void dashboards(Connection connection, UUID publication, UUID record) throws Exception {
		try (PreparedStatement processing = connection.prepareStatement(
				"update event_publication set status = 'PROCESSING' where id = ? and status != 'PROCESSING'");
				PreparedStatement seen = connection
					.prepareStatement("insert into reporting_seen (key) values (?) on conflict do nothing");
				PreparedStatement fact = connection.prepareStatement("""
						insert into reporting_activity_fact (key, at, month, township, kind, amount)
						values (?, now(), date_trunc('month', now())::date, '632521101', 'MEDICAL', 5565)""");
				PreparedStatement rollup = connection.prepareStatement("""
						insert into reporting_activity (month, township, kind, count, amount)
						values (date_trunc('month', now())::date, '632521101', 'MEDICAL', 1, 5565)
						on conflict (month, township, kind) do update
						   set count = reporting_activity.count + 1, amount = reporting_activity.amount + excluded.amount""");
				PreparedStatement completed = connection.prepareStatement(
						"update event_publication set status = 'COMPLETED', completion_date = now() where id = ?")) {
			processing.setObject(1, publication);
			processing.executeUpdate();
			connection.commit();
			seen.setString(1, "aid:" + record);
			seen.executeUpdate();
			fact.setString(1, "aid:" + record);
			fact.executeUpdate();
			rollup.executeUpdate();
			connection.commit();
			completed.setObject(1, publication);
			completed.executeUpdate();
			connection.commit();
		}
	}

	private record Client(Visitor visitor, List<String[]> patients) {
	}

}
