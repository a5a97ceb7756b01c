package org.jijinan.people;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recorded standing in a category, with its source.
 *
 * @param id the record
 * @param category the category code
 * @param categoryName the category's Chinese name
 * @param heldBy {@code PERSON} or {@code HOUSEHOLD}
 * @param grade the grade, if graded
 * @param source where it comes from
 * @param validFrom first day
 * @param validTo last day, if ended
 */
public record StandingView(UUID id, String category, String categoryName, Category.Subject heldBy,
		@Nullable Integer grade, String source, LocalDate validFrom, @Nullable LocalDate validTo) {
}
