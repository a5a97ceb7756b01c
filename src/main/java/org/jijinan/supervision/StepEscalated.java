package org.jijinan.supervision;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the sweep did to one step: a warning before its due time, or an escalation after it. Published in batches
 * ({@link StepsEscalated}).
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
		String areaPath, String unitKey, String unitName, String responsible, Instant dueAt, Level level) {

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

}
