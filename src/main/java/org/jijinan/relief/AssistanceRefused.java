package org.jijinan.relief;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Temporary assistance was refused; the applicant is told why.
 *
 * @param decisionId the decision
 * @param caseNumber its case
 * @param requestNumber the request that opened the case, through which the applicant is reached
 * @param reason the written reason
 * @param by who refused it
 * @param at when
 */
public record AssistanceRefused(UUID decisionId, String caseNumber, @Nullable String requestNumber, String reason,
		String by, java.time.Instant at) {
}
