package org.jijinan.casework;

import java.time.Instant;

/**
 * Something another module did on a case, for the case's timeline: modules that act on cases (relief, charity,
 * services) publish it in their own transaction and the timeline appends it there. The kind names the line
 * ({@code casework.timeline.<kind>} in the messages).
 *
 * @param caseNumber the case
 * @param kind what happened, such as {@code RELIEF_APPROVED}
 * @param detail what to show, free of personal data beyond the case's own name
 * @param by who acted
 * @param at when
 */
public record CaseEventRecorded(String caseNumber, String kind, String detail, String by, Instant at) {
}
