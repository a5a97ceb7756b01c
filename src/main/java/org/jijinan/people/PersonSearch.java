package org.jijinan.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * What to look for; every criterion given must match. Sent in a POST body, never in a URL.
 *
 * @param idNumber a full citizen ID number (exact match through its keyed hash)
 * @param name part of a name
 * @param phone a full phone number (exact match)
 * @param village a village or township code: persons registered there or below
 * @param category an assistance category code the person or their household currently holds
 * @param page the page, from 0
 * @param size rows per page (1–100)
 */
public record PersonSearch(@Nullable @Size(max = 20) String idNumber, @Nullable @Size(max = 50) String name,
		@Nullable @Size(max = 20) String phone, @Nullable DivisionCode village, @Nullable @Size(max = 40) String category,
		@Min(0) @Max(10_000) int page, @Min(1) @Max(100) int size) {

	@Override
	public String toString() {
		return "PersonSearch[page " + page + "]";
	}

}
