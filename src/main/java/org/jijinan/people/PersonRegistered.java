package org.jijinan.people;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A person was added to the registry.
 *
 * @param personId the person
 * @param residence the village of their registered residence
 * @param provisional registered without an ID number
 */
public record PersonRegistered(PersonId personId, DivisionCode residence, boolean provisional)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "people.person-registered";
	}

	@Override
	public String auditSubjectType() {
		return "person";
	}

	@Override
	public String auditSubjectId() {
		return personId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("residence", residence.value(), "provisional", String.valueOf(provisional));
	}

}
