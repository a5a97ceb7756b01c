package org.jijinan.shared;

import org.jspecify.annotations.Nullable;

/**
 * Free text people write into the platform (reasons, findings, results, notes): stripped, long enough to say
 * something, and no longer than its column — refused with a 400 and the limit, never cut or left to the database.
 */
public final class WrittenText {

	private WrittenText() {
	}

	/**
	 * @param minCodePoints the fewest characters that say something
	 * @param maxLength the most characters the record keeps
	 * @param requiredCode the problem when the text is missing or too short
	 * @return the text, stripped
	 */
	public static String required(@Nullable String text, int minCodePoints, int maxLength, String requiredCode) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.codePointCount(0, stripped.length()) < minCodePoints) {
			throw new InvalidInput(requiredCode);
		}
		return limited(stripped, maxLength);
	}

	/**
	 * @return the text, stripped; empty when none was given
	 */
	public static String optional(@Nullable String text, int maxLength) {
		return limited(text == null ? "" : text.strip(), maxLength);
	}

	private static String limited(String text, int maxLength) {
		if (text.length() > maxLength) {
			throw new InvalidInput("shared.text-too-long", maxLength);
		}
		return text;
	}

}
