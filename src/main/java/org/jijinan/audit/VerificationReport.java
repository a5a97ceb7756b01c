package org.jijinan.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying the audit chain.
 *
 * @param intact whether every record and the head check out
 * @param checked how many records verified before the first problem
 * @param firstBroken the sequence number where the chain first breaks, if it does
 * @param problem {@code SEQUENCE_GAP}, {@code LINK_BROKEN}, {@code CONTENT_ALTERED}, {@code TRUNCATED},
 * {@code BEYOND_HEAD}, {@code HEAD_MISMATCH} or {@code HEAD_FORGED}
 */
public record VerificationReport(boolean intact, long checked, @Nullable Long firstBroken, @Nullable String problem) {

	static VerificationReport intact(long checked) {
		return new VerificationReport(true, checked, null, null);
	}

	static VerificationReport broken(long checked, long at, String problem) {
		return new VerificationReport(false, checked, at, problem);
	}

}
