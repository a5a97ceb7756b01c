package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * An attempt to call a caller back was recorded; once {@code status} is no longer owed, the call-back is closed.
 *
 * @param number the request
 * @param outcome whether the caller was reached
 * @param attempt which attempt this was (1 for the first)
 * @param status where the call-back stands after it
 * @param by who called
 * @param at when it was recorded
 */
public record CallBackRecorded(String number, CallBackOutcome outcome, int attempt, CallBackStatus status, String by,
		Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.call-back-recorded";
	}

	@Override
	public String auditSubjectType() {
		return "help-request";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("outcome", outcome.name(), "attempt", String.valueOf(attempt), "status", status.name());
	}

}
