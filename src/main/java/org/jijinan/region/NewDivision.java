package org.jijinan.region;

import java.time.LocalDate;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A division to add, as read from an import row.
 *
 * @param code its code
 * @param name its official name
 * @param level its tier
 * @param parentCode the division it belongs to
 * @param validFrom first day in use
 * @param validTo last day in use
 * @param successorCode the code that replaced it
 * @param demo invented for the demo
 */
record NewDivision(DivisionCode code, String name, DivisionLevel level, @Nullable DivisionCode parentCode,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable DivisionCode successorCode,
		boolean demo) {
}
