package org.jijinan.shared;

/**
 * Makes text safe for a spreadsheet cell (S11): a value that a spreadsheet would read as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe; CSV values are quoted when needed.
 */
public final class SafeCells {

	private SafeCells() {
	}

	/**
	 * @return the value, with a leading apostrophe when a spreadsheet would read it as a formula
	 */
	public static String text(String value) {
		if (value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	/**
	 * @return the value made safe and quoted for a CSV cell
	 */
	public static String csv(String value) {
		String safe = text(value);
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
