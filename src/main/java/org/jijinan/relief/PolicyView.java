package org.jijinan.relief;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * One region's relief parameters for a period.
 *
 * @param id the set's identifier; decisions and settlements record it
 * @param region the region they apply to (county or township)
 * @param validFrom the first day in force
 * @param validTo the last day in force, {@code null} while open-ended
 * @param example whether the values are shipped examples that the county has not yet confirmed
 * @param rules the parameters
 * @param note what the county wrote about them (the document that set them)
 * @param createdBy who entered them
 * @param createdAt when
 */
public record PolicyView(UUID id, DivisionCode region, LocalDate validFrom, @Nullable LocalDate validTo,
		boolean example, PolicyRules rules, @Nullable String note, String createdBy, Instant createdAt) {

	/**
	 * @return the version the set's medical rules and decisions record
	 */
	public String version() {
		return region.value() + "/" + validFrom + "/" + id.toString().substring(0, 8);
	}

	/**
	 * @return whether the set is in force on that day
	 */
	public boolean inForce(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

}
