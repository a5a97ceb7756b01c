package org.jijinan.pilot;

import java.time.Instant;
import java.util.UUID;

/**
 * A pilot action item is owed: a meeting's decision, a township's implementation plan, the mobilisation. Supervision
 * watches it like any other step.
 *
 * @param action the action item
 * @param areaPath the county's or township's region path
 * @param unitKey the unit it is owed by ({@code county:632521}, {@code township:632521101})
 * @param unitName that unit's name
 * @param owner who owes it (login name; empty when the township has nobody to own it yet)
 * @param at when it was assigned
 * @param dueAt when it is due
 */
public record PilotActionAssigned(UUID action, String areaPath, String unitKey, String unitName, String owner,
		Instant at, Instant dueAt) {
}
