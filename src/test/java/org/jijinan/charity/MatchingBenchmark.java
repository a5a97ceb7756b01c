package org.jijinan.charity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching benchmark ({@code bench/matching.sh}, not part of the suite): 100,000 open needs against 10,000
 * projects and pledges spread over Gonghe's townships (a fifth serving the whole county) — a full re-match of every
 * need, and one new need against the built index. Baseline in the same run: the plain definition
 * ({@link Matching#forNeed}: every project scored with {@code BigDecimal}) for a sample of needs.
 */
@EnabledIfSystemProperty(named = "matching.benchmark", matches = "true")
class MatchingBenchmark {

	static final List<String> TOWNSHIPS = List.of("100", "101", "102", "103", "104", "200", "201", "202", "203", "204",
			"205").stream().map(code -> "/630000/632500/632521/632521" + code + "/").toList();

	static final List<String> CAUSES = List.of("FIRE", "TRAFFIC_ACCIDENT", "ACCIDENTAL_INJURY", "SUDDEN_SERIOUS_ILLNESS",
			"NATURAL_DISASTER", "DOMESTIC_VIOLENCE", "MEDICAL_SPENDING", "SCHOOLING_SPENDING", "OTHER");

	@Test
	void measuresAFullRematchAndOneNewNeed() {
		Random random = new Random(2026);
		List<Matching.Project> projects = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			projects.add(project(random));
		}
		List<Matching.Need> needs = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			needs.add(need(random));
		}
		for (int warm = 0; warm < 2; warm++) {
			MatchIndex.of(projects).rematch(needs, 10);
		}
		double[] full = new double[5];
		for (int run = 0; run < full.length; run++) {
			long start = System.nanoTime();
			var matched = MatchIndex.of(projects).rematch(needs, 10);
			full[run] = (System.nanoTime() - start) / 1e9;
			assertThat(matched).hasSize(needs.size());
		}
		MatchIndex index = MatchIndex.of(projects);
		long[] one = new long[2_000];
		for (int i = 0; i < one.length; i++) {
			Matching.Need fresh = need(random);
			long start = System.nanoTime();
			index.forNeed(fresh, 10);
			one[i] = System.nanoTime() - start;
		}
		Arrays.sort(one);
		int sample = 300;
		long start = System.nanoTime();
		for (int i = 0; i < sample; i++) {
			Matching.forNeed(needs.get(i), projects, 10);
		}
		double plainPerNeed = (System.nanoTime() - start) / 1e6 / sample;
		Arrays.sort(full);
		System.out.printf("%nMATCHING BENCHMARK needs=%d projects=%d | full re-match: best %.2f s, median %.2f s, worst "
				+ "%.2f s | one new need: median %.3f ms, p99 %.3f ms | plain definition: %.2f ms per need "
				+ "(a full re-match that way: %.0f s)%n", needs.size(), projects.size(), full[0], full[2], full[4],
				one[one.length / 2] / 1e6, one[(int) (one.length * 0.99)] / 1e6, plainPerNeed,
				plainPerNeed * needs.size() / 1000);
	}

	static Matching.Project project(Random random) {
		List<String> regions = random.nextInt(5) == 0 ? List.of("/630000/632500/632521/")
				: List.of(TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())));
		Set<String> causes = random.nextInt(4) == 0 ? Set.of()
				: Set.of(CAUSES.get(random.nextInt(CAUSES.size())));
		return new Matching.Project(new UUID(random.nextLong(), random.nextLong()), regions, causes,
				BigDecimal.valueOf(50_000 + random.nextInt(950_000), 2),
				BigDecimal.valueOf(random.nextInt(20_000_000), 2), random.nextInt(3) == 0,
				random.nextInt(10) == 0 ? Set.of("EXTREME_POVERTY_SUPPORT") : Set.of());
	}

	static Matching.Need need(Random random) {
		return new Matching.Need(new UUID(random.nextLong(), random.nextLong()),
				TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())), Set.of(CAUSES.get(random.nextInt(CAUSES.size()))),
				random.nextBoolean() ? Set.of("CASH", "GOODS") : Set.of("CASH"),
				BigDecimal.valueOf(50_000 + random.nextInt(1_950_000), 2),
				random.nextInt(5) == 0 ? Set.of("EXTREME_POVERTY_SUPPORT") : Set.of());
	}

}
