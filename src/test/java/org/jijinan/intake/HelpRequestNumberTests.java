package org.jijinan.intake;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt's number: the county's day, then six digits of the sequence, padded with zeros.
 */
class HelpRequestNumberTests {

	/** 2026-11-28 17:30 in the county (UTC+8). */
	private static final Instant EVENING = Instant.parse("2026-11-28T09:30:00Z");

	@Test
	void padsTheSequenceToSixDigitsAfterTheCountysDay() {
		assertThat(HelpRequestNumber.of(EVENING, 42)).isEqualTo("JJN-20261128-000042");
		assertThat(HelpRequestNumber.of(EVENING, 0)).isEqualTo("JJN-20261128-000000");
		assertThat(HelpRequestNumber.of(EVENING, 999_999)).isEqualTo("JJN-20261128-999999");
	}

	@Test
	void keepsTheLastSixDigitsOfALongerSequence() {
		assertThat(HelpRequestNumber.of(EVENING, 1_234_567)).isEqualTo("JJN-20261128-234567");
		assertThat(HelpRequestNumber.of(EVENING, 3_000_000)).isEqualTo("JJN-20261128-000000");
	}

	@Test
	void takesTheDayInTheCountyNotInUtc() {
		assertThat(HelpRequestNumber.of(Instant.parse("2026-11-28T16:30:00Z"), 7)).isEqualTo("JJN-20261129-000007");
	}

	@Test
	void everyNumberItMakesIsWellFormed() {
		for (long sequence : new long[] { 0, 1, 42, 99_999, 100_000, 999_999, 1_000_000, Long.MAX_VALUE }) {
			assertThat(HelpRequestNumber.wellFormed(HelpRequestNumber.of(EVENING, sequence))).as("sequence %d", sequence)
				.isTrue();
		}
		assertThat(HelpRequestNumber.wellFormed("JJN-20261128-42")).isFalse();
	}

}
