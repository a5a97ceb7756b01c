package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A case opened from a request that named nobody in the registry is now linked to the person it is about (found by
 * the township, or registered provisionally): aid given on the case so far belongs to that person's household.
 *
 * @param number the case number
 * @param caseId the case
 * @param township the township handling it
 * @param personId the person
 * @param householdId the person's household, if they belong to one
 * @param by who linked it
 * @param at when
 */
public record CasePersonLinked(String number, UUID caseId, DivisionCode township, UUID personId,
		@Nullable UUID householdId, String by, Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.person-linked";
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
		return Map.of("person", personId.toString());
	}

}
