package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A case moved in its life cycle.
 *
 * @param number the case number
 * @param caseId the case
 * @param township the township handling it
 * @param from where it was
 * @param to where it is now
 * @param by who moved it
 * @param at when
 * @param note the written note (required for withdrawal, transfer and closing)
 * @param transferredTo the jurisdiction it was handed to, for a transfer
 * @param handler who handles the case (login name) and so owns its next steps
 * @param personId the person the case is about, once known
 * @param householdId the person's household, if any
 */
public record CaseStatusChanged(String number, UUID caseId, DivisionCode township, CaseStatus from, CaseStatus to,
		String by, Instant at, @Nullable String note, @Nullable DivisionCode transferredTo, String handler,
		@Nullable UUID personId, @Nullable UUID householdId) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.status-changed";
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
		return Map.of("from", from.name(), "to", to.name());
	}

}
