package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * The receiving unit finished a task (办结) with its result.
 *
 * @param taskId the task
 * @param caseNumber the case
 * @param township the township handling the case
 * @param unitId the unit
 * @param unitName its name
 * @param by who finished it
 * @param at when
 * @param dueAt when it was due
 * @param result what was done
 */
public record TaskCompleted(UUID taskId, String caseNumber, DivisionCode township, UUID unitId, String unitName,
		String by, Instant at, Instant dueAt, String result) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.task-completed";
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
		return Map.of("case", caseNumber, "unit", unitName, "onTime", String.valueOf(!at.isAfter(dueAt)));
	}

}
