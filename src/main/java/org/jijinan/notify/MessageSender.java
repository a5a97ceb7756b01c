package org.jijinan.notify;

import java.util.UUID;

/**
 * Delivers one message; throws when delivery failed so the dispatcher tries again later.
 */
public interface MessageSender {

	/**
	 * @param reference the message's id, the same on every try
	 * @param channel {@code SMS} or {@code INBOX}
	 * @param recipient the full phone number, or the account name for the inbox
	 * @param body the text
	 */
	void send(UUID reference, String channel, String recipient, String body);

}
