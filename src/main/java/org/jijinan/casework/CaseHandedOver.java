package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A case passed from one handler to another (交接), with the reason; the new handler owns its open steps.
 *
 * @param number the case number
 * @param caseId the case
 * @param township the township handling it
 * @param from the handler until now (login name)
 * @param to the new handler (login name)
 * @param reason why
 * @param by who handed it over
 * @param at when
 */
public record CaseHandedOver(String number, UUID caseId, DivisionCode township, String from, String to, String reason,
		String by, Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.case-handed-over";
	}

	@Override
	public String auditSubjectType() {
		return "case";
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
		return Map.of("from", from, "to", to);
	}

}
