package org.jijinan.notify;

/**
 * Delivers one message; throws when delivery failed so the dispatcher tries again later.
 */
public interface MessageSender {

	/**
	 * @param channel {@code SMS} or {@code INBOX}
	 * @param recipient the full phone number, or the account name for the inbox
	 * @param body the text
	 */
	void send(String channel, String recipient, String body);

}
