package org.jijinan.monitoring;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.TestPlatform;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.people.RosterImportView;
import org.jijinan.people.RosterImports;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The early-warning ingest benchmark ({@code bench/signals.sh}, not part of the suite; see docs/BENCHMARKS.md). Fills
 * the registry with a generated roster through the real import, then takes one department file of 100,000 signals
 * through the real path — checked, matched to the registry, sealed, stored and judged by every rule — and, in the
 * same run and database, times PostgreSQL's own COPY of exactly the stored signal rows into a copy of the table with
 * the same indexes. Then tops the county up to 1,000,000 signals over twelve months and times one rule's dry run.
 */
@SpringBootTest(properties = { "jijinan.people.import-batch-size=5000", "jijinan.people.import-max-rows=2000000" })
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "signals.benchmark", matches = ".+\\.csv")
class SignalIngestBenchmark {

	static final int SIGNALS = 100_000;

	static final int DRY_RUN_SIGNALS = 1_000_000;

	static final Caller CLERK = new BenchCaller("bench.clerk", Set.of("WINDOW_CLERK"), "632521100");

	static final Caller ADMINISTRATOR = new BenchCaller("bench.admin", Set.of("ADMINISTRATOR"), "632521");

	@Autowired
	ApplicationContext context;

	@Autowired
	RosterImports imports;

	@Autowired
	Signals signals;

	@Autowired
	SignalSources sources;

	@Autowired
	DryRun dryRun;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void ingestsAFileOfSignalsAmongTheRegistryAndComparesWithCopy() throws Exception {
		Path roster = Path.of(System.getProperty("signals.benchmark"));
		long start = System.nanoTime();
		RosterImportView accepted;
		try (InputStream in = Files.newInputStream(roster)) {
			accepted = imports.submit(roster.getFileName().toString(), in, null, "benchmark " + System.nanoTime(),
					CLERK);
		}
		await().atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> imports.status(accepted.id(), CLERK).status().matches("COMPLETED|REJECTED"));
		long persons = jdbc.sql("select count(*) from people_person").query(Long.class).single();
		System.out.printf("%nSIGNALS BENCHMARK registry: %d persons (roster imported in %.0f s)%n", persons,
				(System.nanoTime() - start) / 1e9);

		settle();

		UUID unit = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value();
		sources.agree(unit, EnumSet.allOf(SignalKind.class), "共民〔2026〕基准", ADMINISTRATOR);
		byte[] file = signalFile(roster);
		long warningsBefore = count("monitoring_warning");
		start = System.nanoTime();
		Signals.FileOutcome outcome = signals.receiveFile(unit, "signals.csv", file);
		double ingestSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(outcome.received()).isEqualTo(SIGNALS);
		long warnings = count("monitoring_warning") - warningsBefore;
		double copySeconds = copyBaseline("unit:" + unit);
		System.out.printf("SIGNALS BENCHMARK file of %d signals (%.1f MB, %d unmatched): ingest and judge %.1f s "
				+ "(%.0f signals/s), %d warnings raised; COPY of the stored rows %.2f s (%.0f rows/s); ratio %.3f%n",
				SIGNALS, file.length / 1e6, outcome.unmatched(), ingestSeconds, SIGNALS / ingestSeconds, warnings,
				copySeconds, SIGNALS / copySeconds, copySeconds / ingestSeconds);

		long topUp = DRY_RUN_SIGNALS - count("monitoring_signal");
		topUp(topUp);
		start = System.nanoTime();
		DryRun.Result tried = dryRun.run(RuleCode.DISASTER_DAMAGE, new RuleBook.RuleChange(true, Severity.ORANGE,
				new BigDecimal("20000"), null, null, Set.of(), null), ADMINISTRATOR);
		double drySeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("SIGNALS BENCHMARK dry run of DISASTER_DAMAGE over %d signals of twelve months: %.1f s "
				+ "(%d signals read, %d warnings, %d aided)%n", count("monitoring_signal"), drySeconds, tried.signals(),
				tried.warnings(), tried.aided());
	}

	/**
	 * One file of 100,000 signals about persons drawn from the whole roster (2 % about persons nobody registered):
	 * admissions, disaster damage (1 in 100 above the rule's 5,000 yuan), modest own shares of hospital bills,
	 * unemployment.
	 */
	private static byte[] signalFile(Path roster) throws Exception {
		List<String> numbers;
		try (var lines = Files.lines(roster)) {
			numbers = lines.skip(1)
				.map(line -> line.split(",")[1])
				.filter(number -> number.matches("\\d{17}[\\dX]"))
				.distinct()
				.toList();
		}
		Random random = new Random(20261206);
		LocalDate today = LocalDate.now(WorkingDayCalendar.COUNTY);
		StringBuilder csv = new StringBuilder("编号,信号类型,身份证号码,发生日期,金额,本年累计\r\n");
		for (int i = 0; i < SIGNALS; i++) {
			String number = random.nextInt(100) < 2 ? TestIdNumbers.fresh() : numbers.get(random.nextInt(numbers.size()));
			LocalDate on = today.minusDays(random.nextInt(300));
			int pick = random.nextInt(100);
			String row = pick < 50 ? "住院," + number + "," + on + ",,"
					: pick < 80 ? "灾害损失," + number + "," + on + ","
							+ (random.nextInt(100) == 0 ? 5_000 + random.nextInt(45_000) : 100 + random.nextInt(4_800)) + ","
					: pick < 95 ? "医疗自付," + number + "," + on + "," + (50 + random.nextInt(2_950)) + ","
							+ (3_000 + random.nextInt(5_000))
					: "失业登记," + number + "," + on + ",,";
			csv.append("ZQ-").append(i).append(',').append(row).append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Lets the database finish with the import (VACUUM ANALYZE of everything, as autovacuum would do in the minutes
	 * after it) so that the timed ingest does not share the machine's two cores with it.
	 */
	private void settle() throws Exception {
		long start = System.nanoTime();
		try (Connection connection = postgres.getDatabase("postgres", "jijinan").getConnection();
				var statement = connection.createStatement()) {
			statement.execute("vacuum analyze");
		}
		System.out.printf("SIGNALS BENCHMARK database settled after the import (VACUUM ANALYZE, %.0f s)%n",
				(System.nanoTime() - start) / 1e9);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * COPY of the source's stored signal rows into an empty copy of the table with the same indexes.
	 */
	private double copyBaseline(String source) throws Exception {
		DataSource owner = postgres.getDatabase("postgres", "jijinan");
		try (Connection connection = owner.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Path rows = Files.createTempFile("bench-signal", ".copy");
			try (var out = Files.newOutputStream(rows)) {
				copy.copyOut("copy (select * from monitoring_signal where source = '" + source + "') to stdout", out);
			}
			try (var statement = connection.createStatement()) {
				statement.execute("drop table if exists bench_signal");
				statement.execute("create table bench_signal (like monitoring_signal including all)");
			}
			long start = System.nanoTime();
			try (var in = Files.newInputStream(rows)) {
				copy.copyIn("copy bench_signal from stdin", in);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Files.delete(rows);
			try (var statement = connection.createStatement()) {
				statement.execute("drop table bench_signal");
			}
			return seconds;
		}
	}

	/**
	 * Adds stored signals about registered persons of the county, spread over the last twelve months, until the
	 * table holds the dry run's million: the data a county would have gathered over a year.
	 */
	private void topUp(long signals) throws Exception {
		if (signals <= 0) {
			return;
		}
		record Person(UUID id, String path, UUID household) {
		}
		List<Person> persons = new ArrayList<>();
		jdbc.sql("""
				select p.id, p.residence_path, coalesce(m.household_id, p.id) from people_person p
				  left join people_household_member m on m.person_id = p.id and m.left_on is null
				 where p.residence_path like '/630000/632500/632521/%' and p.superseded_by is null""")
			.query((row, n) -> persons.add(new Person(row.getObject(1, UUID.class), row.getString(2),
					row.getObject(3, UUID.class))))
			.list();
		Random random = new Random(1);
		LocalDate today = LocalDate.now(WorkingDayCalendar.COUNTY);
		StringBuilder rows = new StringBuilder();
		for (long i = 0; i < signals; i++) {
			Person person = persons.get(random.nextInt(persons.size()));
			boolean disaster = random.nextBoolean();
			rows.append(UUID.randomUUID()).append('\t').append("bench:top-up").append('\t').append(i).append('\t')
				.append(disaster ? "DISASTER_DAMAGE" : "HOSPITAL_ADMISSION").append('\t')
				.append(today.minusDays(random.nextInt(365))).append('\t').append("2026-01-01 00:00:00+08").append('\t')
				.append(person.id()).append('\t').append(person.household()).append('\t').append(person.path())
				.append('\t').append(disaster ? String.valueOf(100 + random.nextInt(30_000)) : "\\N").append('\n');
		}
		DataSource owner = postgres.getDatabase("postgres", "jijinan");
		try (Connection connection = owner.getConnection()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy monitoring_signal (id, source, reference, kind, occurred_on, received_at, person_id, "
						+ "household_key, residence_path, amount) from stdin",
						new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
		}
	}

	record BenchCaller(String name, Set<String> roles, String scope) implements Caller {

		@Override
		public DivisionCode regionScope() {
			return new DivisionCode(scope);
		}

	}

}
