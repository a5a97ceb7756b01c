package org.jijinan.pilot;

import java.time.Instant;
import java.util.UUID;

/**
 * A pilot action item was done.
 *
 * @param action the action item
 * @param at when
 * @param by who
 */
public record PilotActionDone(UUID action, Instant at, String by) {
}
