package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule declares it reads is all it reads: its dry run takes only those kinds from the table, so signals of
 * other kinds must neither hit it nor change its hits.
 */
class RuleProperties {

	static final UUID HOUSEHOLD = new UUID(7, 7);

	static final String PATH = "/630000/632500/632521/632521101/632521101201/";

	@Property(tries = 500)
	void signalsOfKindsARuleDoesNotReadNeitherHitItNorChangeItsHits(@ForAll @IntRange(min = 1, max = 12) int count,
			@ForAll long seed) {
		Random random = new Random(seed);
		List<Signal> household = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			household.add(signal(random, i));
		}
		Signal judged = household.get(household.size() - 1);
		for (RuleCode code : RuleCode.values()) {
			RuleVersion rule = code.defaults();
			List<Signal> read = household.stream().filter(signal -> code.reads().contains(signal.kind())).toList();
			if (!code.reads().contains(judged.kind())) {
				assertThat(code.hit(judged, household, rule)).as(code + " judging " + judged.kind()).isEmpty();
			}
			else {
				assertThat(code.hit(judged, read, rule)).as(code + " on " + household)
					.isEqualTo(code.hit(judged, household, rule));
			}
		}
	}

	/**
	 * A signal of any kind, with figures around the default rules' amounts, within the last months.
	 */
	private static Signal signal(Random random, int seq) {
		SignalKind[] kinds = SignalKind.values();
		SignalKind kind = kinds[random.nextInt(kinds.length)];
		BigDecimal amount = kind.needsAmount() || random.nextBoolean()
				? BigDecimal.valueOf(random.nextInt(3_000_000), 2) : null;
		BigDecimal yearTotal = kind == SignalKind.MEDICAL_SPENDING && random.nextBoolean()
				? BigDecimal.valueOf(random.nextInt(4_000_000), 2) : null;
		UUID person = new UUID(1, random.nextInt(3));
		return new Signal(seq, new UUID(2, seq), kind, LocalDate.of(2026, 11, 30).minusDays(random.nextInt(300)),
				Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seq), person, HOUSEHOLD, PATH, amount, yearTotal,
				kind == SignalKind.STANDING_ENDED ? "MINIMUM_LIVING_ALLOWANCE" : null);
	}

}
