package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * The receiving unit accepted a task (签收) and owns it now.
 *
 * @param taskId the task
 * @param caseNumber the case
 * @param township the township handling the case
 * @param unitId the unit
 * @param unitName its name
 * @param by who accepted
 * @param at when
 * @param acceptBy when acceptance was due
 * @param dueAt when the task must be done
 */
public record TaskAccepted(UUID taskId, String caseNumber, DivisionCode township, UUID unitId, String unitName,
		String by, Instant at, Instant acceptBy, Instant dueAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.task-accepted";
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
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("case", caseNumber, "unit", unitName);
	}

}
