package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;


/**
 * The complainant said whether the answer satisfied them, and the complaint is closed (satisfied, or unsatisfied
 * with the answer of the level above, which is final). An unsatisfied verdict on a first answer is
 * {@link ComplaintEscalated} instead.
 *
 * @param number the complaint
 * @param level the answer's level
 * @param satisfied the verdict
 * @param at when
 */
public record ComplaintRated(String number, int level, boolean satisfied, Instant at) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-rated";
	}

	@Override
	public String auditActor() {
		return "complainant";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("level", String.valueOf(level), "satisfied", String.valueOf(satisfied));
	}

}
