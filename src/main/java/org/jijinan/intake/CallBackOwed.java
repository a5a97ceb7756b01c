package org.jijinan.intake;

import java.time.Instant;

import org.jijinan.shared.DivisionCode;

/**
 * A caller asked to be called back (需要回电) when their request was received: somebody owes the call by a due time.
 *
 * @param number the request
 * @param township the township whose request it is (the unit that answers for the call-back)
 * @param urgency how urgent the request is
 * @param owner who owes the call: the hotline operator who took the call, otherwise one of the township's staff
 * @param receivedAt when the request was received
 * @param dueAt when the call-back is due
 */
public record CallBackOwed(String number, DivisionCode township, Urgency urgency, String owner, Instant receivedAt,
		Instant dueAt) {
}
