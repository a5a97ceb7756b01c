package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored signal matched to a person, as the rules read it: no ID number, no department's words.
 *
 * @param seq the order of arrival
 * @param id the signal
 * @param kind what happened
 * @param occurredOn when it happened
 * @param receivedAt when the platform received it (the order in which rules saw it)
 * @param personId the person it is about
 * @param householdKey the household (or the person, for someone in none)
 * @param residencePath the region path of the person's residence
 * @param amount the kind's figure
 * @param yearTotal for medical spending, the year's own share so far
 * @param category for an ended standing, its category
 */
record Signal(long seq, UUID id, SignalKind kind, LocalDate occurredOn, Instant receivedAt, UUID personId, UUID householdKey,
		String residencePath, @Nullable BigDecimal amount, @Nullable BigDecimal yearTotal, @Nullable String category) {
}
