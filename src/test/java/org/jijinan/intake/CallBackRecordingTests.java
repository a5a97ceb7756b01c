package org.jijinan.intake;

import java.time.Instant;
import java.util.EnumSet;

import org.jijinan.shared.Conflict;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The call-back's own rules, without Spring: reaching the caller closes it, the third unanswered attempt closes it as
 * not reached, and a refused attempt leaves it as it was.
 */
class CallBackRecordingTests {

	static final Instant RECEIVED = Instant.parse("2026-09-30T10:30:00Z");

	static final Instant NOW = RECEIVED.plusSeconds(600);

	@Test
	void owesTheCallByItsDueTime() {
		CallBack callBack = owed();
		assertThat(callBack.status()).isEqualTo(CallBackStatus.OWED);
		assertThat(callBack.dueAt()).isEqualTo(RECEIVED.plusSeconds(7 * 3600));
		assertThat(callBack.attempts()).isEmpty();
	}

	@Test
	void closesWhenTheCallerIsReached() {
		CallBack callBack = owed();
		callBack.record(CallBackOutcome.REACHED, " 已告知 ", "operator", NOW, 3);
		assertThat(callBack.status()).isEqualTo(CallBackStatus.REACHED);
		assertThat(callBack.closedAt()).isEqualTo(NOW);
		assertThat(callBack.attempts()).singleElement()
			.isEqualTo(new CallBack.Attempt(CallBackOutcome.REACHED, "已告知", "operator", NOW));
	}

	@Test
	void staysOwedAfterAnUnansweredAttemptAndClosesAsNotReachedAfterTheLastAllowed() {
		CallBack callBack = owed();
		callBack.record(CallBackOutcome.NOT_REACHED, "无人接听", "operator", NOW, 3);
		callBack.record(CallBackOutcome.NOT_REACHED, "关机", "operator", NOW, 3);
		assertThat(callBack.status()).isEqualTo(CallBackStatus.OWED);
		assertThat(callBack.closedAt()).isNull();
		callBack.record(CallBackOutcome.NOT_REACHED, "仍无人接听", "clerk", NOW, 3);
		assertThat(callBack.status()).isEqualTo(CallBackStatus.UNREACHED);
		assertThat(callBack.attempts()).hasSize(3);
	}

	@Test
	void refusesAnAttemptOnAClosedCallBackLeavingItUntouched() {
		CallBack callBack = owed();
		callBack.record(CallBackOutcome.REACHED, "已告知", "operator", NOW, 3);
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> callBack.record(CallBackOutcome.REACHED, "再次", "operator", NOW, 3))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo("intake.call-back-closed"));
		assertThat(callBack.attempts()).hasSize(1);
	}

	@Test
	void refusesAnAttemptWithoutOutcomeOrNoteOrWithATooLongNoteLeavingItUntouched() {
		CallBack callBack = owed();
		assertCode(() -> callBack.record(null, "已告知", "operator", NOW, 3), "intake.call-back-outcome-required");
		assertCode(() -> callBack.record(CallBackOutcome.REACHED, " ", "operator", NOW, 3),
				"intake.call-back-note-required");
		assertCode(() -> callBack.record(CallBackOutcome.REACHED, null, "operator", NOW, 3),
				"intake.call-back-note-required");
		assertCode(() -> callBack.record(CallBackOutcome.REACHED, "长".repeat(CallBack.NOTE_LIMIT + 1), "operator", NOW,
				3), "shared.text-too-long");
		assertThat(callBack.attempts()).isEmpty();
		assertThat(callBack.status()).isEqualTo(CallBackStatus.OWED);
	}

	@ParameterizedTest
	@EnumSource(CallBackStatus.class)
	void movesOnlyFromOwedToAnEnd(CallBackStatus from) {
		for (CallBackStatus to : CallBackStatus.values()) {
			boolean allowed = from == CallBackStatus.OWED
					&& EnumSet.of(CallBackStatus.REACHED, CallBackStatus.UNREACHED).contains(to);
			assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed);
		}
	}

	private static void assertCode(Runnable attempt, String code) {
		assertThatExceptionOfType(DomainProblem.class).isThrownBy(attempt::run)
			.satisfies(problem -> assertThat(problem).isInstanceOf(InvalidInput.class))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo(code));
	}

	private static CallBack owed() {
		return CallBack.owe("JJN-20260930-000001", new DivisionCode("632521101"), Urgency.NORMAL, "operator", RECEIVED,
				RECEIVED.plusSeconds(7 * 3600));
	}

}
