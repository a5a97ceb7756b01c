package org.jijinan.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying the audit chains.
 *
 * @param intact whether every record, every chain's head and every anchor check out
 * @param checked how many records verified before the first problem
 * @param chain the chain that breaks, if one does
 * @param firstBroken the place in that chain where it first breaks
 * @param problem {@code SEQUENCE_GAP}, {@code LINK_BROKEN}, {@code CONTENT_ALTERED}, {@code TRUNCATED},
 * {@code BEYOND_HEAD}, {@code HEAD_MISMATCH}, {@code HEAD_FORGED}, {@code HEAD_MISSING} (records of a chain whose head
 * is gone), {@code ANCHORED_RECORD_MISSING} (the platform chain anchored a record the chain no longer has: its tail
 * was deleted and its head rolled back) or {@code ANCHOR_MISMATCH}
 */
public record VerificationReport(boolean intact, long checked, @Nullable String chain, @Nullable Long firstBroken,
		@Nullable String problem) {

	static VerificationReport intact(long checked) {
		return new VerificationReport(true, checked, null, null, null);
	}

	static VerificationReport broken(long checked, String chain, long at, String problem) {
		return new VerificationReport(false, checked, chain, at, problem);
	}

}
