package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jijinan.LoadRun;
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

	static final int PATIENTS_PER_CLIENT = 8;

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
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			List<String[]> patients = new ArrayList<>();
			for (int p = 0; p < PATIENTS_PER_CLIENT; p++) {
				patients.add(MedicalBills.patient(clerk, reviewer));
			}
			clients.add(new Client(StaffFixtures.signedIn(port, hospital), patients));
		}
		String token = StaffFixtures.personalToken(clients.get(0).visitor(), 1, "DEPARTMENT_OFFICER");
		List<Client> scripts = clients.stream().map(client -> new Client(new Visitor(port), client.patients())).toList();
		run(clients, 3, null, 0);
		LoadRun.Result peak = run(clients, seconds, null, 0);
		LoadRun.Result half = run(clients, seconds, null, peak.rate() / 2);
		run(scripts, 3, token, 0);
		LoadRun.Result bearerPeak = run(scripts, seconds, token, 0);
		LoadRun.Result bearerHalf = run(scripts, seconds, token, bearerPeak.rate() / 2);
		double plain = plainWrites(seconds);
		System.out.printf("%nMEDICAL SETTLEMENT BENCHMARK clients=%d sessions: peak=%.0f settlements/s (p50 %.1f ms, "
				+ "p99 %.1f ms) | at half peak %.0f/s: p50 %.1f ms, p99 %.1f ms | bearer tokens: peak=%.0f/s (p50 %.1f "
				+ "ms, p99 %.1f ms) | at half peak %.0f/s: p50 %.1f ms, p99 %.1f ms | plain JDBC, the same writes: "
				+ "%.0f/s (ratio %.2f, bearer %.2f)%n", CLIENTS, peak.rate(), peak.p50(), peak.p99(), half.rate(),
				half.p50(), half.p99(), bearerPeak.rate(), bearerPeak.p50(), bearerPeak.p99(), bearerHalf.rate(),
				bearerHalf.p50(), bearerHalf.p99(), plain, peak.rate() / plain, bearerPeak.rate() / plain);
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
	 * @return settlements per second by plain JDBC, each client for a person of its own (as each hospital client
	 *     settles for its own patients)
	 */
	private double plainWrites(int seconds) throws Exception {
		ThreadLocal<UUID> person = ThreadLocal.withInitial(UUID::randomUUID);
		return LoadRun.plain(dataSource, CLIENTS, seconds, connection -> settleOne(connection, person.get()));
	}

	private static void settleOne(Connection connection, UUID person) throws Exception {
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
			chain.setObject(1, UUID.randomUUID());
			chain.setObject(2, person);
			chain.setString(3, settlement.toString());
			chain.setString(4, "H632521001/P" + admission.toString().substring(0, 18));
			chain.executeUpdate();
		}
	}

	private record Client(Visitor visitor, List<String[]> patients) {
	}

}
