package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;


/**
 * Unsatisfied with the first answer, the complainant sent the complaint to the level above, which owes an
 * acknowledgement and an answer under new clocks.
 *
 * @param number the complaint
 * @param handlerUnit the unit that handles it now
 * @param handlerName its name
 * @param countyPath the county
 * @param acknowledgeBy the acknowledgement's due time
 * @param answerBy the answer's due time
 * @param at when
 */
public record ComplaintEscalated(String number, UUID handlerUnit, String handlerName, String countyPath,
		Instant acknowledgeBy, Instant answerBy, Instant at) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-escalated";
	}

	@Override
	public String auditActor() {
		return "complainant";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("to", handlerName);
	}

}
