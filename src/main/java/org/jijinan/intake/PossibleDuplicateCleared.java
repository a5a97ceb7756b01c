package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * The township decided that a request flagged as a possible duplicate is a separate emergency, with the reason.
 *
 * @param number the request
 * @param duplicateOf the earlier request it looked like
 * @param by who decided
 * @param at when
 */
public record PossibleDuplicateCleared(String number, String duplicateOf, String by, Instant at)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.possible-duplicate-cleared";
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
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("duplicateOf", duplicateOf);
	}

}
