package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.SealedColumns.Column;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.TestKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing values again after a key rotation, against PostgreSQL doing the same writes without us in the same run: the
 * same rows of a persons table (an ID number and a phone each) walked the same way and updated by the same statements,
 * with values of the same length that need no key. The difference is the opening and sealing. Run by
 * {@code bench/key-rotation.sh}; skipped otherwise.
 */
class KeyRotationBenchmark {

	@Test
	void sealsAPersonsTableAgainAgainstPlainUpdatesOfTheSameRows() throws IOException {
		Integer persons = Integer.getInteger("rotation.benchmark.persons");
		Assumptions.assumeTrue(persons != null, "run by bench/key-rotation.sh");
		Path keys = Files.createTempDirectory("jijinan-rotation-bench");
		KeyRing ring = TestKeys.ring(keys);
		Sealer sealer = TestKeys.sealer(ring);
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
			JdbcTemplate jdbc = new JdbcTemplate(server.getPostgresDatabase());
			for (String table : List.of("ours", "theirs")) {
				jdbc.execute("create table " + table + " (id bigint primary key, id_number_sealed text, phone_sealed text)");
			}
			fill(jdbc, sealer, persons);
			ring.rotate();

			Resealing resealing = new Resealing(jdbc, sealer);
			AtomicLong resealed = new AtomicLong();
			long started = System.nanoTime();
			for (String column : List.of("id_number_sealed", "phone_sealed")) {
				resealing.reseal(new Column("ours", column, column.startsWith("id") ? "people.id-number" : "people.phone"),
						ring.current(), resealed::addAndGet);
			}
			double ours = seconds(started);

			started = System.nanoTime();
			Resealing plainly = new Resealing(jdbc, (sealed, purpose) -> "v2:" + sealed.substring(3));
			AtomicLong plain = new AtomicLong();
			for (String column : List.of("id_number_sealed", "phone_sealed")) {
				plainly.reseal(new Column("theirs", column, column), ring.current(), plain::addAndGet);
			}
			double theirs = seconds(started);

			assertThat(resealed.get()).isEqualTo(2L * persons);
			assertThat(plain.get()).isEqualTo(2L * persons);
			assertThat(resealing.remaining(new Column("ours", "id_number_sealed", "people.id-number"), 2)).isZero();
			System.out.printf("ROTATION BENCHMARK %,d persons, %,d values sealed again%n", persons, resealed.get());
			System.out.printf("ROTATION BENCHMARK ours %.1f s (%,.0f values/s); plain updates %.1f s (%,.0f/s); "
					+ "speed ours/plain %.2f%n", ours, resealed.get() / ours, theirs, plain.get() / theirs, theirs / ours);
		}
		finally {
			BackupFolders.delete(keys);
		}
	}

	private static void fill(JdbcTemplate jdbc, Sealer sealer, int persons) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= persons; i++) {
			String idNumber = "632521" + String.format("%012d", i);
			String phone = "139" + String.format("%08d", i);
			rows.add(new Object[] { i, sealer.seal(idNumber, "people.id-number"), sealer.seal(phone, "people.phone") });
			if (rows.size() == 10_000 || i == persons) {
				jdbc.batchUpdate("insert into ours values (?, ?, ?)", rows);
				jdbc.batchUpdate("insert into theirs values (?, ?, ?)", rows);
				rows.clear();
			}
		}
		jdbc.execute("vacuum analyze");
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
