package org.jijinan.monitoring;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A warning nobody had checked lost the only signals behind it (a settled bill was reversed) and no longer owes a
 * check.
 *
 * @param number the warning's number
 * @param township the township that answered for its check
 * @param at when
 */
public record WarningWithdrawn(String number, DivisionCode township, Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "monitoring.warning-withdrawn";
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
	public String auditActor() {
		return "system";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of();
	}

}
