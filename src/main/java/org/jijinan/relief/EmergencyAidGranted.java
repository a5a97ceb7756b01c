package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * Emergency aid was granted first (先行救助); its paperwork is due by {@code paperworkDue}.
 *
 * @param grantId the grant
 * @param number its voucher number (先行救助凭证), {@code XJ-2026-000045}
 * @param caseNumber its case
 * @param township the township that paid it from its reserve
 * @param amount the cash
 * @param by the officer
 * @param at when
 * @param paperworkDue when the paperwork must be complete
 * @param withGoods whether goods were given too (collected at the township)
 */
public record EmergencyAidGranted(UUID grantId, String number, String caseNumber, DivisionCode township, BigDecimal amount,
		String by, Instant at, Instant paperworkDue, boolean withGoods) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "relief.emergency-aid-granted";
	}

	@Override
	public String auditSubjectType() {
		return "relief-emergency-grant";
	}

	@Override
	public String auditSubjectId() {
		return grantId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("number", number, "case", caseNumber, "amount", amount.toPlainString());
	}

}
