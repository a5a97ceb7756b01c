package org.jijinan.monitoring;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A worker's check of a warning.
 *
 * @param method a visit or a call
 * @param checkedOn the day of the check
 * @param findings what the worker found (2–1000 characters)
 * @param outcome what follows
 * @param reason for "already helped" (by what) and "no need" (why)
 */
public record CheckReport(@Nullable CheckMethod method, @Nullable LocalDate checkedOn,
		@Nullable @Size(max = 1000) String findings, @Nullable CheckOutcome outcome,
		@Nullable @Size(max = 500) String reason) {

	@Override
	public String toString() {
		return "CheckReport[" + method + ", " + outcome + "]";
	}

}
