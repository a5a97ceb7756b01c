package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The bank reported a payment order paid: the assistance reached the family's account.
 *
 * @param caseNumber the case
 * @param orderNumber the payment order
 * @param amount what was paid
 * @param at when the result was recorded
 */
public record ReliefPaid(String caseNumber, String orderNumber, BigDecimal amount, Instant at) {
}
