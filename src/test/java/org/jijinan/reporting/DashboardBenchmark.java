package org.jijinan.reporting;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.jijinan.SystemTest;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard benchmark ({@code bench/dashboard.sh}, not part of the suite): ten million generated cases over ten
 * years in Gonghe's eleven townships, with their roll-ups built from them; the dashboard for the last twelve months
 * and for five years, against a plain {@code GROUP BY} with {@code percentile_cont} over the same cases in the same
 * run.
 */
@SystemTest
@EnabledIfSystemProperty(named = "dashboard.benchmark", matches = "true")
class DashboardBenchmark {

	private static final int CASES = Integer.getInteger("dashboard.cases", 10_000_000);

	private static final int RUNS = 15;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Test
	void measuresTheDashboardAgainstAPlainGroupBy() {
		long start = System.nanoTime();
		generate();
		double generated = (System.nanoTime() - start) / 1e9;
		YearMonth last = YearMonth.of(2026, 11);
		Caller leader = new Leader();

		double[] year = time(() -> dashboard.show(last.minusMonths(11).toString(), last.toString(), null, leader,
				Locale.CHINA));
		double[] fiveYears = time(() -> dashboard.show(last.minusMonths(59).toString(), last.toString(), null, leader,
				Locale.CHINA));
		Dashboard.DashboardView view = dashboard.show(last.minusMonths(11).toString(), last.toString(), null, leader,
				Locale.CHINA);
		double[] plainYear = time(() -> plain(last.minusMonths(11), last));
		long yearCases = jdbc.sql("select count(*) from reporting_case where month between :from and :to")
			.param("from", last.minusMonths(11).atDay(1))
			.param("to", last.atDay(1))
			.query(Long.class)
			.single();
		assertThat(view.total().cases()).isEqualTo(yearCases);
		long rollupRows = jdbc.sql("select count(*) from reporting_cases").query(Long.class).single();

		System.out.printf(Locale.ROOT,
				"DASHBOARD BENCHMARK cases=%d generated_in=%.0fs rollup_rows=%d year_cases=%d%n"
						+ "DASHBOARD BENCHMARK dashboard(12 months) median=%.1fms p90=%.1fms%n"
						+ "DASHBOARD BENCHMARK dashboard(60 months) median=%.1fms p90=%.1fms%n"
						+ "DASHBOARD BENCHMARK plain GROUP BY + percentile_cont (12 months, by township) median=%.1fms p90=%.1fms%n",
				CASES, generated, rollupRows, yearCases, year[0], year[1], fiveYears[0], fiveYears[1], plainYear[0],
				plainYear[1]);
	}

	private void plain(YearMonth from, YearMonth to) {
		jdbc.sql("""
				select township, count(*), count(first_aid_at),
				       percentile_cont(0.5) within group (order by first_aid_at - first_contact_at),
				       percentile_cont(0.9) within group (order by first_aid_at - first_contact_at)
				  from reporting_case where month between :from and :to group by township""")
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((row, n) -> row.getString(1))
			.list();
	}

	/**
	 * @return median and 90th percentile in milliseconds over {@link #RUNS} runs after two warm-up runs
	 */
	private static double[] time(Runnable run) {
		run.run();
		run.run();
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			run.run();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.9) - 1] };
	}

	/**
	 * Cases spread evenly over the 120 months to November 2026, townships, channels and causes; nine in ten aided
	 * after a time drawn from a long-tailed distribution (most within a day). The roll-ups are built from the cases
	 * with the same bucket bounds the listeners use.
	 */
	private void generate() {
		jdbc.sql("delete from reporting_cases").update();
		jdbc.sql("delete from reporting_case").update();
		jdbc.sql("""
				insert into reporting_case (case_number, request_number, township, first_contact_at, first_aid_at, month,
				                            channel, cause, counted)
				select 'B' || g, 'R' || g, t.code, c.contact,
				       case when random() < 0.9 then c.contact + make_interval(mins => (exp(random() * 10))::int) end,
				       date_trunc('month', c.contact at time zone 'Asia/Shanghai')::date,
				       (array['WINDOW','HOTLINE','FIELD_REPORT','ONLINE','DEPARTMENT'])[1 + g % 5],
				       (array['FIRE','TRAFFIC_ACCIDENT','ACCIDENTAL_INJURY','SUDDEN_SERIOUS_ILLNESS','NATURAL_DISASTER',
				              'DOMESTIC_VIOLENCE','MEDICAL_SPENDING','SCHOOLING_SPENDING','OTHER'])[1 + (g / 5) % 9],
				       true
				  from generate_series(1, :cases) g
				  cross join lateral (select timestamptz '2016-12-01 00:00+08'
				                             + (g::float8 / :cases) * interval '3652 days' as contact) c
				  cross join lateral (select '632521' || (array['100','101','102','103','104','200','201','202','203',
				                             '204','205'])[1 + (g / 45) % 11] as code) t""")
			.param("cases", CASES)
			.update();
		StringBuilder buckets = new StringBuilder();
		for (int i = 0; i < TimeToAid.BUCKETS; i++) {
			String lower = i == 0 ? "-1" : String.valueOf(TimeToAid.BOUNDS.get(i - 1));
			String upper = i < TimeToAid.BOUNDS.size() ? String.valueOf(TimeToAid.BOUNDS.get(i)) : "1e12";
			buckets.append(", count(*) filter (where minutes > ").append(lower).append(" and minutes <= ").append(upper)
				.append(")");
		}
		jdbc.sql("""
				insert into reporting_cases (month, township, channel, cause, requests, cases, aided, %s)
				select month, township, channel, cause, count(*), count(*), count(first_aid_at) %s
				  from (select *, extract(epoch from first_aid_at - first_contact_at) / 60 as minutes
				          from reporting_case) c
				 group by month, township, channel, cause""".formatted(TimeToAid.columns(""), buckets))
			.update();
		jdbc.sql("analyze reporting_case").update();
		jdbc.sql("analyze reporting_cases").update();
	}

	private static final class Leader implements Caller {

		@Override
		public String name() {
			return "benchmark";
		}

		@Override
		public Set<String> roles() {
			return Set.of("LEADER");
		}

		@Override
		public @Nullable DivisionCode regionScope() {
			return new DivisionCode("632521");
		}

	}

}
