package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An amount of aid to recover (追回) and what has come of it.
 *
 * @param number its number ({@code ZH-2026-000007})
 * @param caseNumber the case
 * @param source what paid the money: a temporary-assistance decision or an emergency grant
 * @param sourceRef the decision's id or the grant's voucher number
 * @param scheme the scheme the money came from
 * @param fund where recovered money goes: {@code RESERVE} (the township reserve) or {@code SCHEME}
 * @param grounds why it is recovered
 * @param amount how much was wrongly paid
 * @param recovered how much has been paid back
 * @param waived how much was waived by decision
 * @param outstanding what is still owed
 * @param openedBy who opened it
 * @param openedAt when
 * @param entries instalments and waivers, oldest first
 */
public record RecoveryView(String number, String caseNumber, String source, String sourceRef, String scheme,
		String fund, String grounds, BigDecimal amount, BigDecimal recovered, BigDecimal waived,
		BigDecimal outstanding, String openedBy, Instant openedAt, List<Entry> entries) {

	/**
	 * @return whether nothing more is owed
	 */
	public boolean settled() {
		return outstanding.signum() == 0;
	}

	/**
	 * An instalment received or a waiver proposed, approved or refused.
	 *
	 * @param id the entry
	 * @param kind {@code INSTALMENT} or {@code WAIVER}
	 * @param amount how much
	 * @param reference the receipt of an instalment
	 * @param reason why a waiver is asked for
	 * @param status {@code DONE}, {@code PROPOSED} (a waiver waiting for its approver) or {@code REFUSED}
	 * @param enteredBy who entered or proposed it
	 * @param enteredAt when
	 * @param decidedBy who approved or refused a waiver
	 */
	public record Entry(UUID id, String kind, BigDecimal amount, @Nullable String reference, @Nullable String reason,
			String status, String enteredBy, Instant enteredAt, @Nullable String decidedBy) {
	}

}
