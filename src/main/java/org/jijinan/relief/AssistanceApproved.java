package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Temporary assistance was approved: the cash becomes a payment order, the goods are handed out, and the grant
 * joins the household's assistance chain.
 *
 * @param decisionId the decision
 * @param caseNumber its case
 * @param householdId the household, when known
 * @param personId the person, when known
 * @param subjectName the person's name
 * @param townshipPath the township's region path
 * @param cause the hardship cause
 * @param cashAmount the cash granted
 * @param goods the goods granted
 * @param billRef the hospital bill it helps with
 * @param by the approver
 * @param organisation the approver's unit
 * @param at when
 */
public record AssistanceApproved(UUID decisionId, String caseNumber, @Nullable UUID householdId,
		@Nullable UUID personId, @Nullable String subjectName, String townshipPath, String cause,
		BigDecimal cashAmount, @Nullable String goods, @Nullable String billRef, String by, String organisation,
		Instant at) {
}
