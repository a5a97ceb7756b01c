package org.jijinan.charity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed engine finds exactly what the plain definition finds, in the same order, with the same scores and
 * reasons; and matching is deterministic.
 */
class MatchingProperties {

	static final List<String> TOWNSHIPS = List.of("/630000/632500/632521/632521100/", "/630000/632500/632521/632521101/",
			"/630000/632500/632521/632521102/", "/630000/632500/632522/632522100/");

	static final List<String> CAUSES = List.of("FIRE", "TRAFFIC_ACCIDENT", "SUDDEN_SERIOUS_ILLNESS", "MEDICAL_SPENDING");

	@Property(tries = 300)
	void theIndexFindsWhatTheDefinitionFinds(@ForAll @IntRange(min = 0, max = 60) int projectCount,
			@ForAll long seed) {
		Random random = new Random(seed);
		List<Matching.Project> projects = new ArrayList<>();
		for (int i = 0; i < projectCount; i++) {
			projects.add(project(random));
		}
		Matching.Need need = need(random);

		List<Matching.Match> plain = Matching.forNeed(need, projects, 10);
		List<Matching.Match> indexed = MatchIndex.of(projects).forNeed(need, 10);

		assertThat(indexed).isEqualTo(plain);
		assertThat(MatchIndex.of(projects).rematch(List.of(need, need(random)), 10).get(need))
			.isEqualTo(plain.stream().map(match -> new MatchIndex.Ranked(match.projectId(), match.score())).toList());
	}

	@Property(tries = 100)
	void scoresAreBetweenZeroAndAHundredAndAddUpTheirReasons(@ForAll long seed) {
		Random random = new Random(seed);
		Matching.Project project = project(random);
		Matching.Need need = need(random);

		Matching.score(need, project).ifPresent(match -> {
			assertThat(match.score()).isBetween(0, 100)
				.isEqualTo(match.reasons().stream().mapToInt(Matching.Reason::points).sum());
			assertThat(Matching.score(need, project)).contains(match);
		});
	}

	static Matching.Project project(Random random) {
		List<String> regions = new ArrayList<>();
		if (random.nextInt(3) == 0) {
			regions.add("/630000/632500/632521/");
		}
		regions.add(TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())));
		Set<String> causes = random.nextInt(4) == 0 ? Set.of() : Set.of(CAUSES.get(random.nextInt(CAUSES.size())));
		return new Matching.Project(new UUID(random.nextLong(), random.nextLong()), regions, causes,
				BigDecimal.valueOf(1 + random.nextInt(500_000), 2), BigDecimal.valueOf(random.nextInt(2_000_000), 2),
				random.nextBoolean(), random.nextInt(4) == 0 ? Set.of("MINIMUM_LIVING_ALLOWANCE") : Set.of());
	}

	static Matching.Need need(Random random) {
		return new Matching.Need(new UUID(random.nextLong(), random.nextLong()),
				TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())), Set.of(CAUSES.get(random.nextInt(CAUSES.size()))),
				random.nextBoolean() ? Set.of("CASH", "GOODS") : Set.of("CASH"),
				BigDecimal.valueOf(random.nextInt(1_000_000), 2),
				random.nextBoolean() ? Set.of("MINIMUM_LIVING_ALLOWANCE") : Set.of());
	}

}
