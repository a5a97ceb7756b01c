package org.jijinan.supervision;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * The sweep acted on a step: a warning before its due time, or an escalation after it.
 *
 * @param stepId the step
 * @param kind what is owed
 * @param subjectRef the request number, case number or task the step is about
 * @param caseNumber the case, if any
 * @param areaPath the area of the township concerned
 * @param unitKey the unit that owes the step ({@code township:…} or {@code unit:…})
 * @param unitName its name
 * @param responsible the person responsible
 * @param dueAt when the step is due
 * @param level how far it went
 */
public record StepEscalated(UUID stepId, StepKind kind, String subjectRef, @Nullable String caseNumber,
		String areaPath, String unitKey, String unitName, String responsible, Instant dueAt, Level level)
		implements AuditableEvent {

	/**
	 * How far a step has gone.
	 */
	public enum Level {

		/** 预警: a warning to the person responsible while there is still time. */
		WARNING,
		/** 超时: overdue; the person responsible and their unit are told. */
		OVERDUE,
		/** 上报督办: still overdue; the county's supervisors are told. */
		SUPERVISOR

	}

	@Override
	public String auditAction() {
		return "supervision.step-" + level.name().toLowerCase();
	}

	@Override
	public String auditSubjectType() {
		return "supervision-step";
	}

	@Override
	public String auditSubjectId() {
		return stepId.toString();
	}

	@Override
	public String auditActor() {
		return "system";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("kind", kind.name(), "subject", subjectRef, "responsible", responsible);
	}

}
