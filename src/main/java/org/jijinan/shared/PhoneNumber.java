package org.jijinan.shared;

import java.io.Serializable;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A telephone number in mainland China: a mobile number (11 digits starting 13–19) or a landline with its area code
 * ({@code 0974-8512345}). {@link #toString()} and JSON are masked (first three and last four digits, such as
 * {@code 138****5678}); only {@link #value()} gives the whole number.
 *
 * @param value the digits, a landline's area code separated by a dash
 */
public record PhoneNumber(String value) implements Serializable {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}");

	public PhoneNumber {
		if (value == null || !(MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches())) {
			throw new InvalidInput("shared.phone-malformed");
		}
	}

	/**
	 * Reads a number as typed: drops spaces, a leading +86 and dashes inside a mobile number.
	 * @param text the number as entered
	 * @return the number
	 */
	@JsonCreator
	public static PhoneNumber parse(String text) {
		String cleaned = text == null ? "" : text.strip().replace(" ", "");
		if (cleaned.startsWith("+86")) {
			cleaned = cleaned.substring(3);
		}
		String digits = cleaned.replace("-", "");
		if (MOBILE.matcher(digits).matches()) {
			return new PhoneNumber(digits);
		}
		return new PhoneNumber(cleaned);
	}

	/**
	 * @return the number masked for display
	 */
	@JsonValue
	public String masked() {
		int keepEnd = 4;
		int keepStart = 3;
		return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
				+ value.substring(value.length() - keepEnd);
	}

	@Override
	public String toString() {
		return masked();
	}

}
