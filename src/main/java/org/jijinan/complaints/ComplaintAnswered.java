package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A complaint was answered: what the investigation found, by whom, and whether in time.
 *
 * @param number the complaint
 * @param kind what it was about
 * @param level 1 for the first answer, 2 for the answer of the level above
 * @param finding the finding
 * @param subjectUnit the unit complained about, if one was named
 * @param subjectName its name
 * @param subjectPath its division path (the county's when no unit was named)
 * @param onTime whether the answer came by its due time
 * @param by who answered
 * @param at when
 * @param consequences what the founded complaint sets in motion
 */
public record ComplaintAnswered(String number, ComplaintKind kind, int level, Finding finding,
		@Nullable UUID subjectUnit, @Nullable String subjectName, String subjectPath, boolean onTime, String by,
		Instant at, Consequences consequences) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complaint-answered";
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("level", String.valueOf(level), "finding", finding.name(), "onTime", String.valueOf(onTime),
				"reopened", String.valueOf(consequences.reopened()), "order", String.valueOf(consequences.order() != null),
				"accountable", String.valueOf(consequences.accountable()));
	}

}
