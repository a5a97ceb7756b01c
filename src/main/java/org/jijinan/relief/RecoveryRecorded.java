package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Something happened to an amount to recover: opened, an instalment received, a waiver proposed, approved or
 * refused.
 *
 * @param number the recovery
 * @param caseNumber its case
 * @param step what happened
 * @param amount the amount concerned
 * @param by who
 * @param at when
 */
public record RecoveryRecorded(String number, String caseNumber, Step step, BigDecimal amount, String by, Instant at)
		implements AuditableEvent {

	/**
	 * What happened.
	 */
	public enum Step {

		/** 立案追回. */
		OPENED,
		/** 收回一笔. */
		INSTALMENT,
		/** 申请减免. */
		WAIVER_PROPOSED,
		/** 批准减免. */
		WAIVER_APPROVED,
		/** 不予减免. */
		WAIVER_REFUSED

	}

	@Override
	public String auditAction() {
		return "relief.recovery-" + step.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	@Override
	public String auditSubjectType() {
		return "relief-recovery";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("case", caseNumber, "amount", amount.toPlainString());
	}

}
