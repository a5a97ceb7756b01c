package org.jijinan.casework;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseStatus.AWAITING_DECISION;
import static org.jijinan.casework.CaseStatus.CLOSED;
import static org.jijinan.casework.CaseStatus.DECIDED;
import static org.jijinan.casework.CaseStatus.DELIVERING;
import static org.jijinan.casework.CaseStatus.FOLLOW_UP;
import static org.jijinan.casework.CaseStatus.INVESTIGATING;
import static org.jijinan.casework.CaseStatus.OPEN;
import static org.jijinan.casework.CaseStatus.TRANSFERRED;
import static org.jijinan.casework.CaseStatus.WITHDRAWN;

/**
 * Every pair of statuses, allowed or forbidden, against the life cycle as docs/casework.md draws it.
 */
class CaseStatusTests {

	private static final Map<CaseStatus, Set<CaseStatus>> DRAWN = Map.of(
			OPEN, EnumSet.of(INVESTIGATING, WITHDRAWN, TRANSFERRED),
			INVESTIGATING, EnumSet.of(AWAITING_DECISION, WITHDRAWN, TRANSFERRED),
			AWAITING_DECISION, EnumSet.of(INVESTIGATING, DECIDED, WITHDRAWN),
			DECIDED, EnumSet.of(DELIVERING, CLOSED),
			DELIVERING, EnumSet.of(FOLLOW_UP, CLOSED),
			FOLLOW_UP, EnumSet.of(DELIVERING, CLOSED),
			CLOSED, EnumSet.noneOf(CaseStatus.class),
			WITHDRAWN, EnumSet.noneOf(CaseStatus.class),
			TRANSFERRED, EnumSet.noneOf(CaseStatus.class));

	static Stream<Arguments> everyPair() {
		return Stream.of(CaseStatus.values())
			.flatMap(from -> Stream.of(CaseStatus.values())
				.map(to -> Arguments.of(from, to, DRAWN.get(from).contains(to))));
	}

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@MethodSource("everyPair")
	void allowsExactlyTheDrawnMoves(CaseStatus from, CaseStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		assertThat(from.next().contains(to)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "{0} open: {1}")
	@MethodSource("openness")
	void isOpenUntilItEnds(CaseStatus status, boolean open) {
		assertThat(status.open()).isEqualTo(open);
	}

	static Stream<Arguments> openness() {
		return Stream.of(CaseStatus.values())
			.map(status -> Arguments.of(status, !EnumSet.of(CLOSED, WITHDRAWN, TRANSFERRED).contains(status)));
	}

}
