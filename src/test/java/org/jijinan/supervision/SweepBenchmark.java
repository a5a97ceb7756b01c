package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jijinan.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deadline-sweep benchmark (not part of the suite; see docs/BENCHMARKS.md): open steps are loaded with
 * generate_series, a given number of them due, and one sweep is timed — how its cost grows with the due steps and
 * with all open steps (after one untimed warm-up sweep). In the same run, plain SQL claims and advances the same due
 * steps without the application.
 */
@SpringBootTest(properties = "jijinan.supervision.sweep-interval=PT1H")
@Import(TestPlatform.class)
@EnabledIfSystemProperty(named = "sweep.benchmark", matches = "true")
class SweepBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineSweep sweep;


	@Test
	void measuresOneSweepAgainstTheNumberDueAndTheNumberOpen() {
		StringBuilder report = new StringBuilder("\nSWEEP BENCHMARK");
		load(20_000, 10_000);
		sweep.sweep();
		settle();
		for (int[] run : runs()) {
			load(run[0], run[1]);
			report.append(plan("claim, open=" + run[0] + " due=" + run[1]));
			report.append(statistics("open=" + run[0] + " due=" + run[1]));
			long started = System.nanoTime();
			int acted = sweep.sweep();
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(acted).isEqualTo(run[1]);
			settle();
			load(run[0], run[1]);
			report.append(plan("plain SQL's claim, open=" + run[0] + " due=" + run[1]));
			double plain = plainSweep();
			report.append(String.format(" | open=%,d due=%,d: sweep %.2f s, plain SQL %.2f s", run[0], run[1], seconds,
					plain));
		}
		System.out.println(report);
	}

	/**
	 * @return the open and due steps of each timed sweep: by default 100,000/10,000, 1,000,000/1,000 and
	 *     1,000,000/10,000; {@code -Dsweep.runs=1000000:10000,…} picks others (to profile one of them)
	 */
	private static int[][] runs() {
		String runs = System.getProperty("sweep.runs", "100000:10000,1000000:1000,1000000:10000");
		return java.util.Arrays.stream(runs.split(","))
			.map(run -> java.util.Arrays.stream(run.split(":")).mapToInt(Integer::parseInt).toArray())
			.toArray(int[][]::new);
	}

	private void load(int open, int due) {
		jdbc.sql("delete from supervision_step where subject_ref like 'bench-%'").update();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		jdbc.sql("""
				insert into supervision_step (id, kind, subject_ref, area_path, unit_key, unit_name, responsible,
				                              started_at, due_at, status, stage, next_action_at)
				select gen_random_uuid(), 'TASK_COMPLETION', 'bench-' || n, '/630000/632500/632521/632521101/',
				       'unit:bench', '某单位', 'someone', :started, :due, 'OPEN', 0,
				       case when n <= :dueCount then cast(:past as timestamptz) else cast(:future as timestamptz) end
				  from generate_series(1, :open) n""")
			.param("started", Timestamp.from(now.minus(3, ChronoUnit.DAYS)))
			.param("due", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
			.param("past", Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
			.param("future", Timestamp.from(now.plus(20, ChronoUnit.HOURS)))
			.param("dueCount", due)
			.param("open", open)
			.update();
		// No ANALYZE: the application's role may not run it (it is not the table's owner; PostgreSQL skips the table
		// with a warning), and a real table after a burst has statistics only as fresh as autovacuum made them —
		// the churned state this benchmark measures (the STATISTICS line shows what the planner believes).
	}

	/** The same claims and updates by plain SQL, in batches of the sweep's size. */
	private double plainSweep() {
		long started = System.nanoTime();
		int moved;
		do {
			moved = jdbc.sql("""
					with due as (select id from supervision_step where status = 'OPEN' and next_action_at <= now()
					              order by next_action_at limit 1000 for update skip locked)
					update supervision_step s set stage = 1, next_action_at = s.due_at from due where s.id = due.id""")
				.update();
		}
		while (moved == 1000);
		return (System.nanoTime() - started) / 1e9;
	}

	/** The plan of the sweep's claim as the application runs it (a bound time), with what it read. */
	private String plan(String title) {
		return jdbc.sql("""
				explain (analyze, buffers) select id from supervision_step
				 where status = 'OPEN' and next_action_at <= :now order by next_action_at limit 1000 for update skip locked""")
			.param("now", Timestamp.from(Instant.now()))
			.query((row, n) -> row.getString(1))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.joining("\n", "\nPLAN " + title + "\n", "\n"));
	}

	/**
	 * What the planner believes of the step table against what it holds: after a delete-and-reload its statistics can
	 * say it is nearly empty.
	 */
	private String statistics(String title) {
		return jdbc.sql("""
				select c.reltuples::bigint || ' tuples believed, ' || s.n_live_tup || ' live, ' || s.n_dead_tup || ' dead'
				  from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'supervision_step'""")
			.query(String.class)
			.single()
			.transform(text -> "\nSTATISTICS " + title + ": " + text);
	}

	/** Lets the notifications of the timed sweep finish before the next measurement. */
	private void settle() {
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

}
