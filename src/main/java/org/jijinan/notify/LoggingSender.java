package org.jijinan.notify;

import java.util.UUID;

import org.jijinan.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The default sender when no SMS gateway is configured: the message stays visible in the platform's message list
 * (and inbox messages in the in-app inbox), and a line with the masked recipient goes to the log.
 */
@Component
@ConditionalOnMissingBean(value = MessageSender.class, ignored = LoggingSender.class)
class LoggingSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSender.class);

	@Override
	public void send(UUID reference, String channel, String recipient, String body) {
		String shown = "SMS".equals(channel) ? PhoneNumber.parse(recipient).masked() : recipient;
		log.info("Message {} by {} to {} ({} characters) kept in the platform's message list", reference, channel, shown, body.length());
	}

}
