package org.jijinan.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The code of an administrative division (行政区划代码, GB/T 2260 for province to county; the statistical
 * division code for township and village levels): 6 digits down to county level, 9 for a township, 12 for a
 * village. A province is written 630000, a prefecture 632500.
 *
 * @param value the digits
 */
public record DivisionCode(@JsonValue String value) implements Comparable<DivisionCode>, java.io.Serializable {

	private static final Pattern SHAPE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	public DivisionCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new InvalidInput("shared.division-code-malformed", String.valueOf(value));
		}
	}

	/**
	 * Parses user input, answering a {@link InvalidInput} problem for anything that is not a division code.
	 * @param text the code as typed
	 * @return the code
	 */
	@JsonCreator
	public static DivisionCode of(String text) {
		return new DivisionCode(text == null ? null : text.strip());
	}

	@Override
	public int compareTo(DivisionCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}

}
