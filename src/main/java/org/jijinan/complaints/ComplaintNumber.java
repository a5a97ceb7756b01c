package org.jijinan.complaints;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A complaint's number: {@code TS-<date>-<sequence>} (投诉), such as {@code TS-20261207-000042}; easy to read out on
 * the phone and no personal data.
 */
final class ComplaintNumber {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(WorkingDayCalendar.COUNTY);

	private ComplaintNumber() {
	}

	static String of(Instant receivedAt, long sequence) {
		return "TS-" + DAY.format(receivedAt) + "-" + String.format("%06d", sequence % 1_000_000);
	}

	/**
	 * @return the number as people copy it (any case, spaces anywhere), or {@code null} when it cannot be one
	 */
	static @Nullable String normalised(@Nullable String given) {
		String number = given == null ? "" : given.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		return number.matches("TS-\\d{8}-\\d{6}") ? number : null;
	}

}
