package org.jijinan.relief;

import java.time.Instant;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;

/**
 * The paperwork of an emergency grant was completed (补办手续).
 *
 * @param grantId the grant
 * @param number its voucher number (先行救助凭证), {@code XJ-2026-000045}
 * @param caseNumber its case
 * @param by who completed it
 * @param at when
 */
public record EmergencyPaperworkCompleted(UUID grantId, String number, String caseNumber, String by, Instant at)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "relief.emergency-paperwork-completed";
	}

	@Override
	public String auditSubjectType() {
		return "relief-emergency-grant";
	}

	@Override
	public String auditSubjectId() {
		return grantId.toString();
	}

}
