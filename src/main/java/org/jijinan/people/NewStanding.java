package org.jijinan.people;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A person's or household's standing in a category to record.
 *
 * @param category the category code
 * @param personId the person, for a person category
 * @param householdId the household, for a household category
 * @param grade the grade, for a graded category (1–4)
 * @param source where it comes from: the roster, the decision or the document
 * @param validFrom first day
 * @param validTo last day, if known
 */
public record NewStanding(@NotBlank @Size(max = 40) String category, @Nullable PersonId personId,
		@Nullable HouseholdId householdId, @Nullable Integer grade, @NotBlank @Size(max = 200) String source,
		@NotNull LocalDate validFrom, @Nullable LocalDate validTo) {
}
