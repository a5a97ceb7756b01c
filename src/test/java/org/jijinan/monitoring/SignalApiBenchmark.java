package org.jijinan.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.jijinan.LoadRun;
import org.jijinan.TestPlatform;
import org.jijinan.Visitor;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signal API benchmark ({@code bench/signal-api.sh}, not part of the suite; see docs/BENCHMARKS.md): a
 * department's systems, eight clients with the partner's bearer token, send {@code POST /api/v1/monitoring-signals}
 * about registered persons — closed-loop for the peak rate, then open-loop at half of it for the latency of each
 * signal — and in the same run plain JDBC clients make the same writes without the application (the signal row with
 * its sealed number, the person looked up by the number's hash, the household's signals read back for the rules).
 * The partner's rate limit, which would refuse the peak, is lifted for the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "jijinan.identity.partner-calls-per-minute=1000000")
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "signal-api.benchmark", matches = "\\d+")
class SignalApiBenchmark {

	static final int CLIENTS = 8;

	static final int PERSONS = 200;

	static final String VILLAGE = "632521101201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	SignalSources sources;

	@Test
	void measuresThroughputAndLatencyAgainstPlainWrites() throws Exception {
		int seconds = Integer.getInteger("signal-api.benchmark");
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		String unit = staff.active(StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		sources.agree(UUID.fromString(unit), Set.of(SignalKind.HOSPITAL_ADMISSION, SignalKind.DISASTER_DAMAGE),
				"共民〔2026〕基准", SignalIngestBenchmark.ADMINISTRATOR);
		Partner partner = PartnerFixtures.register(port, admin, "应急管理局灾情系统", unit, "signals:write");
		List<String> persons = new ArrayList<>();
		for (int i = 0; i < PERSONS; i++) {
			String idNumber = TestIdNumbers.fresh();
			assertThat(clerk.json("POST", "/api/v1/persons",
					"{\"name\": \"拉毛\", \"idNumber\": \"%s\", \"residence\": \"%s\"}".formatted(idNumber, VILLAGE))
				.status()).isEqualTo(201);
			persons.add(idNumber);
		}
		run(partner, persons, 3, 0);
		LoadRun.Result peak = run(partner, persons, seconds, 0);
		LoadRun.Result half = run(partner, persons, seconds, peak.rate() / 2);
		double plain = LoadRun.plain(dataSource, CLIENTS, seconds, SignalApiBenchmark::storeOne);
		System.out.printf("%nSIGNAL API BENCHMARK clients=%d peak=%.0f signals/s (p50 %.1f ms, p99 %.1f ms) "
				+ "| at half peak %.0f/s: p50 %.1f ms, p99 %.1f ms | plain JDBC, the same writes: %.0f/s (ratio %.2f)%n",
				CLIENTS, peak.rate(), peak.p50(), peak.p99(), half.rate(), half.p50(), half.p99(), plain,
				peak.rate() / plain);
		assertThat(peak.rate()).isPositive();
	}

	private static LoadRun.Result run(Partner partner, List<String> persons, int seconds, double targetRate)
			throws Exception {
		return LoadRun.run(CLIENTS, seconds, targetRate, client -> {
			var answer = partner.json("POST", "/api/v1/monitoring-signals", signal(persons));
			if (answer.status() != 201) {
				throw new IllegalStateException(answer.body());
			}
		});
	}

	/**
	 * A hospital admission, or a disaster's damage below the rule's amount: judged by every rule, raising nothing.
	 */
	private static String signal(List<String> persons) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String idNumber = persons.get(random.nextInt(persons.size()));
		boolean disaster = random.nextBoolean();
		return """
				{"kind": "%s", "reference": "B-%s", "idNumber": "%s", "occurredOn": "%s"%s}""".formatted(
				disaster ? "DISASTER_DAMAGE" : "HOSPITAL_ADMISSION", UUID.randomUUID(), idNumber,
				LocalDate.now().minusDays(random.nextInt(60)),
				disaster ? ", \"amount\": " + (100 + random.nextInt(4_000)) : "");
	}

	/**
	 * The same writes by hand: the person found by the number's hash, the signal stored, the household's signals
	 * read.
	 */
	private static void storeOne(Connection connection) throws Exception {
		UUID id = UUID.randomUUID();
		try (PreparedStatement person = connection.prepareStatement("""
				select p.id, p.residence_path, m.household_id from people_person p
				  left join people_household_member m on m.person_id = p.id and m.left_on is null
				 where p.id_number_hash = ? and p.superseded_by is null""");
				PreparedStatement store = connection.prepareStatement("""
						insert into monitoring_signal (id, source, reference, kind, occurred_on, received_at,
						       id_number_sealed, id_number_hash, amount, person_id, household_key, residence_path)
						values (?, 'bench:plain', ?, 'HOSPITAL_ADMISSION', current_date, ?, ?, ?, null, ?, ?, ?)
						on conflict (source, reference) do nothing""");
				PreparedStatement history = connection.prepareStatement("""
						select seq, id, kind, occurred_on, received_at, person_id, household_key, residence_path, amount,
						       year_total, category from monitoring_signal
						 where household_key = ? and occurred_on >= current_date - 730 order by seq""")) {
			person.setString(1, "bench-" + ThreadLocalRandom.current().nextInt(PERSONS));
			person.executeQuery().close();
			UUID personId = UUID.randomUUID();
			store.setObject(1, id);
			store.setString(2, id.toString());
			store.setTimestamp(3, Timestamp.from(Instant.now()));
			store.setString(4, "v1:" + id + id);
			store.setString(5, id.toString().replace("-", "") + id.toString().replace("-", ""));
			store.setObject(6, personId);
			store.setObject(7, personId);
			store.setString(8, "/630000/632500/632521/632521101/632521101201/");
			store.executeUpdate();
			history.setObject(1, personId);
			try (ResultSet rows = history.executeQuery()) {
				while (rows.next()) {
					rows.getLong(1);
				}
			}
		}
	}

}
