package org.jijinan.people;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Someone saw a person's full ID or phone number, for the purpose they gave.
 *
 * @param personId the person
 * @param field {@code ID_NUMBER} or {@code PHONE}
 * @param purpose why, in the viewer's words
 */
public record PersonalDataRevealed(PersonId personId, RevealableField field, String purpose)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "people.personal-data-revealed";
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
		return Map.of("field", field.name(), "purpose", purpose);
	}

}
