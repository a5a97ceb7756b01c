package org.jijinan.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail as it is stored and shown.
 *
 * @param sequence its place in the whole trail, for reading in order (gaps allowed)
 * @param chain the chain it belongs to: the six-digit code (county, or prefecture or province above it) of its
 * actor's unit, or {@value #PLATFORM}
 * @param chainSequence its place in that chain, from 1 without gaps
 * @param occurredAt when (microsecond precision)
 * @param actor who acted: an account name, a client, or {@code system}
 * @param action what happened, such as {@code identity.account-opened}
 * @param subjectType the kind of thing concerned
 * @param subjectId which one
 * @param result {@code SUCCESS} or {@code FAILURE}
 * @param clientAddress where the request came from, if any
 * @param details further facts, canonical JSON with sorted keys
 * @param previousMac the HMAC of its predecessor in the chain (64 zeros for the first record)
 * @param mac this record's HMAC
 */
public record AuditEntry(long sequence, String chain, long chainSequence, Instant occurredAt, String actor,
		String action, String subjectType, String subjectId, String result, @Nullable String clientAddress,
		String details, String previousMac, String mac) {

	/**
	 * The chain of what the system and the public do, and of the anchors of every other chain; the whole trail's chain
	 * before there was one per county.
	 */
	public static final String PLATFORM = "platform";

	/**
	 * @return the text the HMAC is computed over; any change to a stored field but the trail's sequence changes it,
	 * and a record moved to another chain no longer verifies (the platform chain's records read as they always did)
	 */
	String canonical() {
		String place = PLATFORM.equals(chain) ? Long.toString(chainSequence) : chain + "\u001e" + chainSequence;
		return String.join("\u001f", place, Long.toString(occurredAt.getEpochSecond()),
				Integer.toString(occurredAt.getNano() / 1000), actor, action, subjectType, subjectId, result,
				clientAddress == null ? "" : clientAddress, details, previousMac);
	}

}
