package org.jijinan.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A call-back owed to a caller who asked for one (需要回电): owed by one person by a due time, with every attempt
 * and what came of it. Reaching the caller closes it; so does the last unanswered attempt the county allows.
 */
@Table("intake_call_back")
class CallBack extends AbstractAggregateRoot<CallBack> {

	/** The longest note an attempt keeps. */
	static final int NOTE_LIMIT = 500;

	private final @Id UUID id;

	private final String requestNumber;

	private final String owner;

	private final Instant dueAt;

	private CallBackStatus status;

	@MappedCollection(idColumn = "call_back_id", keyColumn = "attempt")
	private final List<Attempt> attempts;

	private @Nullable Instant closedAt;

	private @Nullable String closedBy;

	private @Version @Nullable Long version;

	@PersistenceCreator
	CallBack(UUID id, String requestNumber, String owner, Instant dueAt, CallBackStatus status, List<Attempt> attempts,
			@Nullable Instant closedAt, @Nullable String closedBy, @Nullable Long version) {
		this.id = id;
		this.requestNumber = requestNumber;
		this.owner = owner;
		this.dueAt = dueAt;
		this.status = status;
		this.attempts = new ArrayList<>(attempts);
		this.closedAt = closedAt;
		this.closedBy = closedBy;
		this.version = version;
	}

	/**
	 * A received request's caller wants to be called back: the owner owes it by the due time.
	 */
	static CallBack owe(String requestNumber, DivisionCode township, Urgency urgency, String owner, Instant receivedAt,
			Instant dueAt) {
		var callBack = new CallBack(UUID.randomUUID(), requestNumber, owner, dueAt, CallBackStatus.OWED, List.of(), null,
				null, null);
		callBack.registerEvent(new CallBackOwed(requestNumber, township, urgency, owner, receivedAt, dueAt));
		return callBack;
	}

	/**
	 * Records one attempt. A call-back already closed takes no more (409); an attempt needs its outcome and a note.
	 *
	 * @param attemptsAllowed unanswered attempts after which the call-back closes as not reached
	 */
	void record(@Nullable CallBackOutcome outcome, @Nullable String note, String by, Instant now, int attemptsAllowed) {
		if (!status.owed()) {
			throw new Conflict("intake.call-back-closed");
		}
		if (outcome == null) {
			throw new InvalidInput("intake.call-back-outcome-required");
		}
		String written = WrittenText.required(note, 2, NOTE_LIMIT, "intake.call-back-note-required");
		CallBackStatus next = outcome == CallBackOutcome.REACHED ? CallBackStatus.REACHED
				: unanswered() + 1 >= attemptsAllowed ? CallBackStatus.UNREACHED : CallBackStatus.OWED;
		if (next != status && !status.canMoveTo(next)) {
			throw new Conflict("intake.call-back-closed");
		}
		attempts.add(new Attempt(outcome, written, by, now));
		status = next;
		if (!next.owed()) {
			closedAt = now;
			closedBy = by;
		}
		registerEvent(new CallBackRecorded(requestNumber, outcome, attempts.size(), status, by, now));
	}

	private long unanswered() {
		return attempts.stream().filter(attempt -> attempt.outcome() == CallBackOutcome.NOT_REACHED).count();
	}

	String requestNumber() {
		return requestNumber;
	}

	String owner() {
		return owner;
	}

	Instant dueAt() {
		return dueAt;
	}

	CallBackStatus status() {
		return status;
	}

	List<Attempt> attempts() {
		return List.copyOf(attempts);
	}

	@Nullable Instant closedAt() {
		return closedAt;
	}

	/**
	 * One attempt to call back.
	 *
	 * @param outcome whether the caller was reached
	 * @param note what was said, or what happened
	 * @param madeBy who called
	 * @param madeAt when
	 */
	@Table("intake_call_back_attempt")
	record Attempt(CallBackOutcome outcome, String note, String madeBy, Instant madeAt) {
	}

}
