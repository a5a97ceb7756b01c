package org.jijinan.sharing;

import java.time.Instant;

/**
 * A message to other systems (see {@code docs/messages.md}): every one carries a unique {@code messageId} that stays
 * the same when the message is sent again, so a consumer that remembers the ids it has handled handles each message
 * once; its {@code type} and {@code version} say how to read the rest. Messages carry no personal data: a receiving
 * system reads what its scopes allow through the API.
 */
public sealed interface OutboundMessage
		permits TaskReferredV1, DepartmentAssistanceRequestedV1, AidGrantedV1, CategoryChangedV1 {

	/**
	 * @return unique per message, kept when it is sent again
	 */
	String messageId();

	/**
	 * @return what happened, such as {@code aid-granted}
	 */
	String type();

	/**
	 * @return the version of the message's format
	 */
	int version();

	/**
	 * @return when it happened
	 */
	Instant occurredAt();

}
