package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;


/**
 * The handler took the one extension a complaint allows.
 *
 * @param number the complaint
 * @param reason why
 * @param answerBy the new due time of the answer
 * @param by who extended it
 * @param at when
 */
public record ComplaintExtended(String number, String reason, Instant answerBy, String by, Instant at)
		implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-extended";
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("answerBy", answerBy.toString());
	}

}
