package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something entered a household's assistance chain — from any scheme: temporary assistance, emergency aid, medical
 * assistance, a charity, a department — once per source. Carries no personal data: a household or person is named by its identifier only.
 *
 * @param recordId the chain's record
 * @param scheme the scheme, such as {@code TEMPORARY}, {@code EMERGENCY}, {@code MEDICAL}, {@code CHARITY}
 * @param cause the hardship cause, when known
 * @param caseNumber the case it helped, when there is one
 * @param townshipPath the township's region path
 * @param amount cash or the goods' value
 * @param at when it was granted
 * @param householdId the household helped, when known (an identifier only)
 * @param personId the person helped, when known (an identifier only)
 */
public record AssistanceRecorded(UUID recordId, String scheme, @Nullable String cause, @Nullable String caseNumber,
		String townshipPath, BigDecimal amount, Instant at, @Nullable UUID householdId, @Nullable UUID personId) {
}
