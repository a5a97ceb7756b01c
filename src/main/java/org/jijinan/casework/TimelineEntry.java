package org.jijinan.casework;

import java.time.Instant;

/**
 * One line of a case's timeline.
 *
 * @param at when
 * @param actor who
 * @param kind what kind of event ({@code OPENED}, {@code REQUEST_JOINED}, {@code STATUS_INVESTIGATING} …)
 * @param detail what exactly
 */
public record TimelineEntry(Instant at, String actor, String kind, String detail) {
}
