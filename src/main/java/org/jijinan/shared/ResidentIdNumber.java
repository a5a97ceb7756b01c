package org.jijinan.shared;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A citizen ID number (公民身份号码, GB 11643-1999): six digits of the registering region, eight of the birth date,
 * three of a sequence whose parity gives the sex (odd male, even female), and an ISO 7064 MOD 11-2 check character
 * (0–9 or X). A 15-digit number of the first generation (two-digit year, no check character) is converted to its 18
 * digits. {@link #toString()} and JSON are masked, so the full number never reaches a log or a response by
 * accident; only {@link #value()} gives it.
 *
 * @param value the 18 characters, upper-case X
 */
public record ResidentIdNumber(String value) implements Serializable {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	public ResidentIdNumber {
		if (value == null || value.length() != 18 || !value.substring(0, 17).chars().allMatch(ResidentIdNumber::digit)) {
			throw new InvalidInput("shared.id-number-malformed");
		}
		if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
			throw new InvalidInput("shared.id-number-check-digit");
		}
		birthDateOf(value);
	}

	/**
	 * Reads a number as typed: trims, accepts a lower-case x, converts 15 digits to 18.
	 * @param text the number as entered
	 * @return the number
	 * @throws InvalidInput {@code shared.id-number-malformed}, {@code shared.id-number-check-digit} or
	 * {@code shared.id-number-birth-date}
	 */
	@JsonCreator
	public static ResidentIdNumber parse(String text) {
		String cleaned = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
		if (cleaned.length() == 15 && cleaned.chars().allMatch(ResidentIdNumber::digit)) {
			String body = cleaned.substring(0, 6) + "19" + cleaned.substring(6);
			return new ResidentIdNumber(body + checkCharacter(body));
		}
		return new ResidentIdNumber(cleaned);
	}

	/**
	 * @param first17 the first seventeen digits
	 * @return the check character they demand
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/**
	 * @return the birth date the number encodes
	 */
	public LocalDate birthDate() {
		return birthDateOf(value);
	}

	/**
	 * @return the sex the number encodes
	 */
	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	/**
	 * @return the code of the region where the number was issued (not necessarily where the person lives)
	 */
	public String issuingRegion() {
		return value.substring(0, 6);
	}

	/**
	 * @return the number masked for display: first three and last four characters, such as {@code 632***********123X}
	 */
	@JsonValue
	public String masked() {
		return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

	private static LocalDate birthDateOf(String value) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
			if (date.getYear() < 1880) {
				throw new InvalidInput("shared.id-number-birth-date");
			}
			return date;
		}
		catch (DateTimeException impossible) {
			throw new InvalidInput("shared.id-number-birth-date");
		}
	}

	private static boolean digit(int c) {
		return c >= '0' && c <= '9';
	}

}
