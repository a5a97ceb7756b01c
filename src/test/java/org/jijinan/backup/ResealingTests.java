package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.SealedColumns.Column;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing a column again after a rotation, on a table spread over many pages: every value is reached whatever its
 * place in the table, a row changed while its step runs keeps the change, and a value no key opens is counted and left
 * alone.
 */
class ResealingTests {

	private static final Column ID_NUMBERS = new Column("person", "id_number_sealed", "people.id-number");

	private static EmbeddedPostgres database;

	@TempDir
	Path keys;

	@BeforeAll
	static void database() throws IOException {
		database = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws IOException {
		database.close();
	}

	@Test
	void everyValueOfAManyPageTableIsSealedAgainAndAChangeMadeMeanwhileIsKept() {
		KeyRing ring = TestKeys.ring(keys);
		Sealer sealer = TestKeys.sealer(ring);
		JdbcTemplate jdbc = table(sealer, 20_000);
		jdbc.update("update person set id_number_sealed = 'v1:not-a-sealed-value' where id = 777");
		assertThat(jdbc.queryForObject("select pg_relation_size('person') / 8192", Long.class))
			.as("several steps of pages").isGreaterThan(3L * Resealing.PAGES);
		int current = ring.rotate();
		String changedMeanwhile = sealer.seal("632521199001019999", ID_NUMBERS.purpose());
		AtomicBoolean changed = new AtomicBoolean();
		Resealing resealing = new Resealing(jdbc, (value, purpose) -> {
			if (changed.compareAndSet(false, true)) {
				jdbc.update("update person set id_number_sealed = ? where id = 2", changedMeanwhile);
			}
			return sealer.reseal(value, purpose);
		});
		AtomicLong resealed = new AtomicLong();

		long unreadable = resealing.reseal(ID_NUMBERS, current, resealed::addAndGet);

		assertThat(unreadable).isEqualTo(1);
		assertThat(resealed.get()).isEqualTo(20_000 - 2);
		assertThat(resealing.remaining(ID_NUMBERS, current)).as("only the value no key opens").isEqualTo(1);
		assertThat(jdbc.queryForObject("select id_number_sealed from person where id = 2", String.class))
			.as("the change made while the step ran").isEqualTo(changedMeanwhile);
		List<String> opened = new ArrayList<>();
		jdbc.query("select id, id_number_sealed from person where id <> 777 order by id", row -> {
			opened.add(row.getLong(1) + "=" + sealer.open(row.getString(2), ID_NUMBERS.purpose()));
		});
		assertThat(opened).hasSize(20_000 - 1)
			.contains("1=632521198001000001", "2=632521199001019999", "19999=632521198001019999");
	}

	private static JdbcTemplate table(Sealer sealer, int rows) {
		JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
		jdbc.execute("drop table if exists person");
		jdbc.execute("create table person (id bigint primary key, id_number_sealed text, note text)");
		List<Object[]> batch = new ArrayList<>();
		for (int id = 1; id <= rows; id++) {
			batch.add(new Object[] { id, sealer.seal("632521198001" + String.format("%06d", id), "people.id-number"),
					"第 " + id + " 号" });
		}
		jdbc.batchUpdate("insert into person values (?, ?, ?)", batch);
		return jdbc;
	}

}
