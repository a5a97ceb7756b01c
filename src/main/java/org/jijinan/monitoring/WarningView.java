package org.jijinan.monitoring;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A warning as the people checking it see it: the household, the reason in one sentence and the deadline — not the
 * diagnosis or the department's own data.
 *
 * @param number its number
 * @param rule the rule that raised it
 * @param severity how grave
 * @param reason why, in one sentence
 * @param status where it stands
 * @param personName the person the signal was about
 * @param place the township and village of the household's residence
 * @param ownerName who checks it; none when nobody was assigned (or the account is gone)
 * @param raisedAt when it was raised
 * @param dueAt when the check (or, for a household not reached, the next try) is due
 * @param firstSignalOn the day of the signal that raised it
 * @param checkedOn the day of the check
 * @param method how it was checked
 * @param findings what was found
 * @param outcomeReason for already helped or no need, the reason
 * @param requestNumber the help request opened, when help is needed
 * @param mayCheck whether the viewer may record the check
 */
public record WarningView(String number, RuleCode rule, Severity severity, String reason, WarningStatus status,
		String personName, String place, @Nullable String ownerName, Instant raisedAt, Instant dueAt, LocalDate firstSignalOn,
		@Nullable LocalDate checkedOn, @Nullable CheckMethod method, @Nullable String findings,
		@Nullable String outcomeReason, @Nullable String requestNumber, boolean mayCheck) {

	@Override
	public String toString() {
		return "WarningView[" + number + ", " + status + "]";
	}

}
