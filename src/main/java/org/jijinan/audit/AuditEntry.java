package org.jijinan.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail as it is stored and shown.
 *
 * @param sequence its place in the chain, from 1 without gaps
 * @param occurredAt when (microsecond precision)
 * @param actor who acted: an account name, a client, or {@code system}
 * @param action what happened, such as {@code identity.account-opened}
 * @param subjectType the kind of thing concerned
 * @param subjectId which one
 * @param result {@code SUCCESS} or {@code FAILURE}
 * @param clientAddress where the request came from, if any
 * @param details further facts, canonical JSON with sorted keys
 * @param previousMac the predecessor's HMAC (64 zeros for the first record)
 * @param mac this record's HMAC
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String action, String subjectType,
		String subjectId, String result, @Nullable String clientAddress, String details, String previousMac,
		String mac) {

	/**
	 * @return the text the HMAC is computed over; any change to a stored field changes it
	 */
	String canonical() {
		return String.join("\u001f", Long.toString(sequence), Long.toString(occurredAt.getEpochSecond()),
				Integer.toString(occurredAt.getNano() / 1000), actor, action, subjectType, subjectId, result,
				clientAddress == null ? "" : clientAddress, details, previousMac);
	}

}
