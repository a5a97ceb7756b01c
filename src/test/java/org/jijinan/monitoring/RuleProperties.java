package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule declares it reads is all it reads: its dry run takes only those kinds from the table, so signals of
 * other kinds must neither hit it nor change its hits; and the judge reads of a household's signals only the kinds
 * and days the rules in force look back at, so the signals outside them must not change a hit either.
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

	@Property(tries = 500)
	void whatARuleLooksBackAtIsAllItReadsOfTheHouseholdsSignals(@ForAll @IntRange(min = 1, max = 16) int count,
			@ForAll @IntRange(min = 1, max = 24) int months, @ForAll long seed) {
		Random random = new Random(seed);
		List<Signal> household = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			household.add(signal(random, i, 900));
		}
		Signal judged = household.get(household.size() - 1);
		LocalDate window = judged.occurredOn().minusMonths(SignalJudge.LOOK_BACK_MONTHS);
		List<Signal> history = household.stream()
			.filter(signal -> !signal.occurredOn().isAfter(judged.occurredOn()) && !signal.occurredOn().isBefore(window))
			.toList();
		for (RuleCode code : RuleCode.values()) {
			for (RuleVersion rule : List.of(code.defaults(), code.defaults()
				.proposing(Severity.RED, code.defaults().threshold(), code.defaults().multiple(), months, Set.of()))) {
				Map<SignalKind, LocalDate> since = code.looksBack(judged, rule);
				List<Signal> read = history.stream()
					.filter(signal -> since.containsKey(signal.kind())
							&& !signal.occurredOn().isBefore(since.get(signal.kind())))
					.toList();
				assertThat(code.hit(judged, read, rule)).as(code + " " + rule + " on " + history)
					.isEqualTo(code.hit(judged, history, rule));
			}
		}
	}

	private static Signal signal(Random random, int seq) {
		return signal(random, seq, 300);
	}

	/**
	 * A signal of any kind, with figures around the default rules' amounts, within as many days before the end of
	 * November 2026.
	 */
	private static Signal signal(Random random, int seq, int days) {
		SignalKind[] kinds = SignalKind.values();
		SignalKind kind = kinds[random.nextInt(kinds.length)];
		BigDecimal amount = kind.needsAmount() || random.nextBoolean()
				? BigDecimal.valueOf(random.nextInt(3_000_000), 2) : null;
		BigDecimal yearTotal = kind == SignalKind.MEDICAL_SPENDING && random.nextBoolean()
				? BigDecimal.valueOf(random.nextInt(4_000_000), 2) : null;
		UUID person = new UUID(1, random.nextInt(3));
		return new Signal(seq, new UUID(2, seq), kind, LocalDate.of(2026, 11, 30).minusDays(random.nextInt(days)),
				Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seq), person, HOUSEHOLD, PATH, amount, yearTotal,
				kind == SignalKind.STANDING_ENDED ? "MINIMUM_LIVING_ALLOWANCE" : null);
	}

}
