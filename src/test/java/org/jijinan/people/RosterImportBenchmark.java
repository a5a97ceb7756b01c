package org.jijinan.people;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.people.RosterImportTests.CLERK;

/**
 * The roster import benchmark (not part of the test suite; see docs/BENCHMARKS.md). Imports a generated roster and,
 * in the same run and database, times PostgreSQL's own COPY of the same stored rows into a copy of the same table
 * with the same indexes. Reports rows per second for both, their ratio and the import's peak heap.
 */
@SpringBootTest(properties = { "jijinan.people.import-batch-size=5000", "jijinan.people.import-max-rows=2000000" })
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "roster.benchmark", matches = ".+\\.csv")
class RosterImportBenchmark {

	@Autowired
	RosterImports imports;

	@Autowired
	RosterJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	PersonFinder finder;

	@Test
	void importsTheGeneratedRosterAndComparesWithCopy() throws Exception {
		Path roster = Path.of(System.getProperty("roster.benchmark"));
		RosterImportView accepted;
		try (InputStream in = Files.newInputStream(roster)) {
			accepted = imports.submit(roster.getFileName().toString(), in, null, "benchmark " + System.nanoTime(),
					CLERK, false);
		}
		System.gc();
		resetPeaks();
		long start = System.nanoTime();
		job.run(accepted.id(), Integer.MAX_VALUE);
		double importSeconds = (System.nanoTime() - start) / 1e9;
		long peakHeap = peakHeap();
		RosterImportView done = imports.status(accepted.id(), CLERK);
		assertThat(done.status()).isEqualTo("COMPLETED");

		double copySeconds = copyBaseline(accepted.id());
		long[] lookups = lookups(roster);
		int stored = done.rowsAdded();
		System.out.printf("%nROSTER BENCHMARK rows=%d added=%d failed=%d import=%.1fs (%.0f rows/s) "
				+ "copy=%.1fs (%.0f rows/s) ratio=%.2f peakHeap=%dMB maxHeap=%dMB%n", done.rowsTotal(), stored,
				done.rowsFailed(), importSeconds, done.rowsTotal() / importSeconds, copySeconds, stored / copySeconds,
				(done.rowsTotal() / importSeconds) / (stored / copySeconds), peakHeap >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("ROSTER BENCHMARK search by ID number among %d persons: median %.1f ms, max %.1f ms "
				+ "(%d searches)%n", count(), lookups[lookups.length / 2] / 1e6, lookups[lookups.length - 1] / 1e6,
				lookups.length);
	}

	/**
	 * Times searches by ID number for 200 rows of the file spread over it, as a clerk would run them.
	 */
	private long[] lookups(Path roster) throws Exception {
		List<String> numbers;
		try (var lines = Files.lines(roster)) {
			numbers = lines.skip(1).filter(line -> line.hashCode() % 5000 == 0).map(line -> line.split(",")[1])
				.filter(number -> number.length() == 18)
				.limit(200)
				.toList();
		}
		long[] nanos = new long[numbers.size()];
		for (int i = 0; i < numbers.size(); i++) {
			long start = System.nanoTime();
			try {
				finder.search(new PersonSearch(numbers.get(i), null, null, null, null, 0, 20), CLERK);
			}
			catch (org.jijinan.shared.InvalidInput bad) {
				// a deliberately bad row of the roster
			}
			nanos[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(nanos);
		return nanos;
	}

	private long count() {
		return jdbc.sql("select count(*) from people_person").query(Long.class).single();
	}

	private double copyBaseline(java.util.UUID importId) throws Exception {
		DataSource owner = postgres.getDatabase("postgres", "jijinan");
		try (Connection connection = owner.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Path rows = Files.createTempFile("bench-person", ".copy");
			try (var out = Files.newOutputStream(rows)) {
				copy.copyOut("copy (select * from people_person where source_import = '" + importId + "') to stdout",
						out);
			}
			try (var statement = connection.createStatement()) {
				statement.execute("drop table if exists bench_person");
				statement.execute("create table bench_person (like people_person including all)");
			}
			long start = System.nanoTime();
			try (var in = Files.newInputStream(rows)) {
				copy.copyIn("copy bench_person from stdin", in);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Files.delete(rows);
			try (var statement = connection.createStatement()) {
				statement.execute("drop table bench_person");
			}
			return seconds;
		}
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
