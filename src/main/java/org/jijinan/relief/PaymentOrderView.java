package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment order as screens and the API show it; the account only masked.
 *
 * @param id the order
 * @param number its human number, {@code ZF-2026-000123}: per year, in the order orders were made
 * @param decisionId the decision it pays
 * @param attempt 1, or more for a re-issue after a failure
 * @param caseNumber the case
 * @param amount the cash
 * @param payeeName the account holder
 * @param payeeAccount the masked account
 * @param payeeBank the bank
 * @param status {@code PENDING}, {@code BATCHED}, {@code PAID} or {@code FAILED}
 * @param batchNumber the batch it went out in
 * @param bankReference the bank's reference for the transfer
 * @param failureReason why the bank could not pay
 * @param createdAt when the order was made
 * @param settledAt when the bank's result came in
 */
public record PaymentOrderView(UUID id, String number, UUID decisionId, int attempt, String caseNumber, BigDecimal amount,
		String payeeName, String payeeAccount, String payeeBank, String status, @Nullable String batchNumber,
		@Nullable String bankReference, @Nullable String failureReason, Instant createdAt,
		@Nullable Instant settledAt) {
}
