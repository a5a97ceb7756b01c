package org.jijinan.shared;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as staff type them into the pages' forms: thousands separators allowed, anything that is not a
 * number refused with the form's own problem code instead of a failed binding.
 */
public final class FormNumbers {

	private FormNumbers() {
	}

	/**
	 * @return the amount, or {@code null} when the field was left empty
	 */
	public static @Nullable BigDecimal amount(@Nullable String typed, String problem) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(typed.strip().replace(",", ""));
		}
		catch (NumberFormatException notANumber) {
			throw new RuleViolation(problem);
		}
	}

	/**
	 * @return the whole number, or 0 when the field was left empty
	 */
	public static int count(@Nullable String typed, String problem) {
		if (typed == null || typed.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new RuleViolation(problem);
		}
	}

}
