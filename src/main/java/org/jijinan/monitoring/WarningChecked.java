package org.jijinan.monitoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A warning was checked. A household that could not be reached is owed another check by the retry deadline.
 *
 * @param number the warning's number
 * @param township the township of the household's residence
 * @param outcome what the check found
 * @param by who checked
 * @param at when it was recorded
 * @param owner who owes the next check, for a household not reached: the warning's owner, or the checker of a
 *     warning that had none
 * @param retryBy when the next check is due, for a household not reached
 * @param requestNumber the help request opened, when help is needed
 */
public record WarningChecked(String number, DivisionCode township, CheckOutcome outcome, String by, Instant at,
		String owner, @Nullable Instant retryBy, @Nullable String requestNumber) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "monitoring.warning-checked";
	}

	@Override
	public String auditSubjectType() {
		return "warning";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public Map<String, String> auditDetails() {
		Map<String, String> details = new HashMap<>();
		details.put("outcome", outcome.name());
		if (requestNumber != null) {
			details.put("request", requestNumber);
		}
		return details;
	}

}
