package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A referred task was withdrawn (撤回) because its case ended; the receiving unit sees why, and nobody owes it any
 * more.
 *
 * @param taskId the task
 * @param caseNumber its case
 * @param township the case's township
 * @param unitId the unit it was referred to
 * @param unitName that unit's name
 * @param by who ended the case
 * @param at when
 * @param reason why, as the unit reads it
 */
public record TaskWithdrawn(UUID taskId, String caseNumber, DivisionCode township, UUID unitId, String unitName,
		String by, Instant at, String reason) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.task-withdrawn";
	}

	@Override
	public String auditSubjectType() {
		return "task";
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
