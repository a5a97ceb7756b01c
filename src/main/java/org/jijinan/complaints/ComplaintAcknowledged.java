package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;


/**
 * The handler signed for a complaint and answers for it until its answer.
 *
 * @param number the complaint
 * @param level 1 for the first handler, 2 after an escalation
 * @param by who signed
 * @param at when
 */
public record ComplaintAcknowledged(String number, int level, String by, Instant at) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-acknowledged";
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("level", String.valueOf(level));
	}

}
