package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An emergency grant (先行救助) as screens and the API show it.
 *
 * @param id the grant
 * @param number its voucher number (先行救助凭证), {@code XJ-2026-000045}: per year, in the order grants were made
 * @param caseNumber its case
 * @param subjectName the person
 * @param cause the hardship cause
 * @param amount the cash paid from the reserve
 * @param goods goods handed out at once
 * @param situation what made it urgent
 * @param grantedBy the officer
 * @param grantedAt when
 * @param paperworkDue when the paperwork must be complete
 * @param paperworkDoneBy who completed it
 * @param paperworkDoneAt when
 * @param paperworkNote what was completed (signatures, registration, receipt)
 */
public record EmergencyGrantView(UUID id, String number, String caseNumber, @Nullable String subjectName, String cause,
		BigDecimal amount, @Nullable String goods, String situation, String grantedBy, Instant grantedAt,
		Instant paperworkDue, @Nullable String paperworkDoneBy, @Nullable Instant paperworkDoneAt,
		@Nullable String paperworkNote) {
}
