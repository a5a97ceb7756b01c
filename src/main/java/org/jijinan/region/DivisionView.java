package org.jijinan.region;

import java.time.LocalDate;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * What other modules and the API see of a division.
 *
 * @param code the division code
 * @param name the official name
 * @param level the tier
 * @param parentCode the division it belongs to, {@code null} for a province
 * @param validFrom first day the code was in use, {@code null} if in use since before the records
 * @param validTo last day the code was in use, {@code null} while current
 * @param successorCode the code that replaced it, if any
 * @param demo invented for the demo, not an official division
 */
public record DivisionView(DivisionCode code, String name, DivisionLevel level, @Nullable DivisionCode parentCode,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable DivisionCode successorCode,
		boolean demo) {

	/**
	 * @param day a day
	 * @return whether the code was in use on that day
	 */
	public boolean isValidOn(LocalDate day) {
		return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
	}

}
