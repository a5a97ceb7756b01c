package org.jijinan.intake;

import java.time.Instant;
import java.util.List;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A call-back (回电) as pages and the API show it.
 *
 * @param number the request whose caller is to be called back
 * @param owner who owes the call (login)
 * @param township the township that answers for it
 * @param dueAt when the call is due
 * @param status where it stands
 * @param attempts every attempt so far, the first first
 * @param closedAt when it was closed, if it is
 */
public record CallBackView(String number, String owner, DivisionCode township, Instant dueAt, CallBackStatus status,
		List<Attempt> attempts, @Nullable Instant closedAt) {

	/**
	 * @return whether it is still owed past its due time at {@code now}, or was closed after it
	 */
	public boolean lateAt(Instant now) {
		return closedAt != null ? closedAt.isAfter(dueAt) : now.isAfter(dueAt);
	}

	/**
	 * One attempt to call back.
	 *
	 * @param outcome whether the caller was reached
	 * @param note what was said, or what happened
	 * @param madeBy who called (login)
	 * @param madeAt when
	 */
	public record Attempt(CallBackOutcome outcome, String note, String madeBy, Instant madeAt) {
	}

}
