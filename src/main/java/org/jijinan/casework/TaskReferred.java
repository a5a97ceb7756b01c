package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A task was referred from a case to a unit (转办); the referrer owns it until the unit accepts.
 *
 * @param taskId the task
 * @param caseNumber the case
 * @param township the township handling the case
 * @param kind what is asked
 * @param unitId the receiving unit
 * @param unitName its name
 * @param owner who referred it and owns it until acceptance
 * @param at when
 * @param acceptBy when it must be accepted or returned
 * @param dueAt when it must be done
 */
public record TaskReferred(UUID taskId, String caseNumber, DivisionCode township, TaskKind kind, UUID unitId,
		String unitName, String owner, Instant at, Instant acceptBy, Instant dueAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.task-referred";
	}

	@Override
	public String auditSubjectType() {
		return "case-task";
	}

	@Override
	public String auditSubjectId() {
		return taskId.toString();
	}

	@Override
	public String auditActor() {
		return owner;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("case", caseNumber, "unit", unitName, "kind", kind.name());
	}

}
