package org.jijinan.casework;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.jijinan.calendar.WorkingDayCalendar;

/**
 * Case numbers: {@code JJC-yyyyMMdd-nnnnnn}, the date in the county's zone and a county-wide sequence.
 */
final class CaseNumber {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(WorkingDayCalendar.COUNTY);

	private static final Pattern FORM = Pattern.compile("JJC-\\d{8}-\\d{6}");

	private CaseNumber() {
	}

	static String of(Instant openedAt, long sequence) {
		return "JJC-" + DAY.format(openedAt) + "-" + String.format("%06d", sequence % 1_000_000);
	}

	static boolean wellFormed(String number) {
		return FORM.matcher(number).matches();
	}

}
