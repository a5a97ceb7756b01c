package org.jijinan.sharing;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/**
 * A standing in a category (低保、特困 …) was granted, changed or ended: topic {@code jijinan.category-changed.v1},
 * keyed by standing id so the changes to one standing stay in order.
 *
 * @param change {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param personId the person holding it, for categories held by persons
 * @param householdId the household holding it, for categories held by households
 */
@Externalized("jijinan.category-changed.v1::#{standingId()}")
public record CategoryChangedV1(String messageId, String type, int version, Instant occurredAt, String standingId,
		String category, String change, @Nullable String personId, @Nullable String householdId, LocalDate validFrom,
		@Nullable LocalDate validTo) implements OutboundMessage {
}
