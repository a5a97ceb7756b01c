package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A request was received and put in a township's queue.
 *
 * @param number the receipt number
 * @param channel how it arrived
 * @param urgency how urgent
 * @param township the township responsible
 * @param owner the first-contact owner
 * @param receivedAt when it was received
 * @param acceptBy when accepting or refusing it is due
 * @param causes the hardship causes given, by code
 */
public record HelpRequestReceived(String number, Channel channel, Urgency urgency, DivisionCode township, String owner,
		Instant receivedAt, Instant acceptBy, @Nullable Set<String> causes) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.request-received";
	}

	@Override
	public String auditSubjectType() {
		return "help-request";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("channel", channel.name(), "urgency", urgency.name(), "township", township.value());
	}

}
