package org.jijinan.people;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A provisional person's ID number became known. If they were registered already, {@code person} is that record
 * and the provisional one now points at it; otherwise both are the same record.
 *
 * @param provisionalId the provisional record
 * @param person the identified person
 */
public record ProvisionalPersonIdentified(PersonId provisionalId, PersonId person) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "people.provisional-person-identified";
	}

	@Override
	public String auditSubjectType() {
		return "person";
	}

	@Override
	public String auditSubjectId() {
		return provisionalId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("person", person.toString());
	}

}
