package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * The receiving unit gave a task back (退回) with a reason; every return counts.
 *
 * @param taskId the task
 * @param caseNumber the case
 * @param township the township handling the case
 * @param unitId the unit that returned it
 * @param unitName its name
 * @param by who returned it
 * @param at when
 * @param reason why
 * @param returns how many times the task has been returned so far
 */
public record TaskReturned(UUID taskId, String caseNumber, DivisionCode township, UUID unitId, String unitName,
		String by, Instant at, String reason, int returns) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.task-returned";
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
		return Map.of("case", caseNumber, "unit", unitName, "returns", String.valueOf(returns));
	}

}
