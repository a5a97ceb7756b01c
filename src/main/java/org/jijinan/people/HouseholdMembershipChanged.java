package org.jijinan.people;

import java.time.LocalDate;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Someone joined or left a household.
 *
 * @param householdId the household
 * @param personId the person
 * @param relationship their relationship to the head
 * @param on the day
 * @param joined joined ({@code true}) or left
 */
public record HouseholdMembershipChanged(HouseholdId householdId, PersonId personId, Relationship relationship,
		LocalDate on, boolean joined) implements AuditableEvent {

	@Override
	public String auditAction() {
		return joined ? "people.household-member-joined" : "people.household-member-left";
	}

	@Override
	public String auditSubjectType() {
		return "household";
	}

	@Override
	public String auditSubjectId() {
		return householdId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("person", personId.toString(), "relationship", relationship.name(), "on", on.toString());
	}

}
