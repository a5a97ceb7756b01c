package org.jijinan.intake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jijinan.calendar.WorkingDayCalendar;

/**
 * The number on a receipt: {@code JJN-<date>-<sequence>}, such as {@code JJN-20261128-000042}. Easy to read out on
 * the phone, unique, and no personal data.
 */
final class HelpRequestNumber {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(WorkingDayCalendar.COUNTY);

	private HelpRequestNumber() {
	}

	static String of(Instant receivedAt, long sequence) {
		// Padded by hand: String.format was 2 % of a help request's CPU.
		String digits = Long.toString(Math.floorMod(sequence, 1_000_000L));
		return "JJN-" + DAY.format(receivedAt) + "-" + "000000".substring(digits.length()) + digits;
	}

	static boolean wellFormed(String number) {
		return number != null && number.matches("JJN-\\d{8}-\\d{6}");
	}

}
