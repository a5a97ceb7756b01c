package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A complaint was received and routed: its handler owes an acknowledgement by {@code acknowledgeBy} and an answer
 * by {@code answerBy}.
 *
 * @param number the complaint's number
 * @param kind what it is about
 * @param channel where it came in
 * @param countyPath the county
 * @param subjectUnit the unit complained about, if one was named
 * @param handlerUnit the unit that handles it
 * @param handlerName that unit's name
 * @param receivedAt when
 * @param acknowledgeBy the acknowledgement's due time
 * @param answerBy the answer's due time
 * @param by who took it in ({@code online} for the public pages)
 */
public record ComplaintReceived(String number, ComplaintKind kind, ComplaintChannel channel, String countyPath,
		@Nullable UUID subjectUnit, UUID handlerUnit, String handlerName, Instant receivedAt, Instant acknowledgeBy,
		Instant answerBy, String by) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-received";
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("kind", kind.name(), "channel", channel.name(), "handler", handlerName);
	}

}
