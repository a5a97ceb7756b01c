package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A decision as screens and the API show it; the payee's account only masked.
 *
 * @param id the decision
 * @param caseNumber its case
 * @param subjectName the person, as casework knows them
 * @param township the township
 * @param policyId the parameters it was computed with
 * @param cause the hardship cause
 * @param band the band
 * @param persons the household's persons
 * @param urban whether the urban standard applied
 * @param explanation how the computed amount came about
 * @param computedAmount the amount the rules allow
 * @param cashAmount the cash proposed or granted
 * @param goods goods
 * @param goodsValue their value
 * @param referral referral to another scheme
 * @param billRef the hospital bill it helps with
 * @param overrideReason the case-by-case reason (一事一议)
 * @param level who approves
 * @param payeeName account holder
 * @param payeeAccount masked account number
 * @param payeeBank bank
 * @param status where it stands
 * @param proposedBy 经办人
 * @param proposedAt when
 * @param reviewedBy 审核人
 * @param reviewedAt when
 * @param decidedBy 审批人 (or who withdrew it)
 * @param decidedAt when
 * @param reason the refusal's reason
 * @param grounds what sent the case back to decision, for a corrected decision (a founded complaint, a ruling)
 */
public record DecisionView(UUID id, String caseNumber, @Nullable String subjectName, DivisionCode township,
		UUID policyId, String cause, String band, int persons, boolean urban, String explanation,
		BigDecimal computedAmount, BigDecimal cashAmount, @Nullable String goods, BigDecimal goodsValue,
		@Nullable String referral, @Nullable String billRef, @Nullable String overrideReason, ApprovalLevel level,
		@Nullable String payeeName, @Nullable String payeeAccount, @Nullable String payeeBank, DecisionStatus status,
		String proposedBy, Instant proposedAt, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String reason, @Nullable String grounds) {
}
