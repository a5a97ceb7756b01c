package org.jijinan.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers whether a day is a working day and computes due times. "Within N working days" is counted as the law counts
 * periods (民法典 第二百零一条至第二百零三条): the day the clock starts is not counted, and the period ends at the end of
 * the N-th working day after it — at 24:00, or when the county's offices close where it sets that time
 * ({@code jijinan.calendar.office-closes-at}). "Within N hours" is counted on the clock (emergencies do not wait for
 * Monday). Official days are read from the database once and cached; years without official data count weekends only
 * and are reported by {@link #yearsWithoutOfficialData(int, int)}.
 */
@Service
public class WorkingDayCalendar {

	/** The county's zone: deadlines are computed in it. */
	public static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private volatile Map<LocalDate, Boolean> official;

	private volatile long loadedAt;

	private final @Nullable LocalTime officeClosesAt;

	WorkingDayCalendar(JdbcClient jdbc, @Value("${jijinan.calendar.office-closes-at:}") String officeClosesAt) {
		this.jdbc = jdbc;
		this.officeClosesAt = officeClosesAt.isBlank() ? null : LocalTime.parse(officeClosesAt.strip());
	}

	/**
	 * @param day a date
	 * @return whether people work that day: a weekday that is no public holiday, or a make-up working day
	 */
	public boolean isWorkingDay(LocalDate day) {
		Boolean listed = days().get(day);
		if (listed != null) {
			return listed;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * @param start when the clock starts
	 * @param workingDays how many working days are allowed (at least 1)
	 * @return the due time: the end of the {@code workingDays}-th working day after the start's day (the start's own
	 * day is not counted), at 24:00 or at the close of office hours where the county sets them
	 */
	public Instant plusWorkingDays(Instant start, int workingDays) {
		LocalDate day = start.atZone(COUNTY).toLocalDate();
		int left = workingDays;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return officeClosesAt == null ? day.plusDays(1).atStartOfDay(COUNTY).toInstant()
				: day.atTime(officeClosesAt).atZone(COUNTY).toInstant();
	}

	/**
	 * "The same working day": the end of the working day an instant falls in, at the given time of day; an instant
	 * on a day off, or at or after that time, belongs to the next working day.
	 *
	 * @param at when the clock starts
	 * @param dayEndsAt when a working day ends, such as 17:30
	 * @return the due time
	 */
	public Instant endOfWorkingDay(Instant at, LocalTime dayEndsAt) {
		var local = at.atZone(COUNTY);
		LocalDate day = local.toLocalDate();
		if (!isWorkingDay(day) || !local.toLocalTime().isBefore(dayEndsAt)) {
			do {
				day = day.plusDays(1);
			}
			while (!isWorkingDay(day));
		}
		return day.atTime(dayEndsAt).atZone(COUNTY).toInstant();
	}

	/**
	 * @param start when the clock starts
	 * @param hours how many hours are allowed
	 * @return the due time on the clock
	 */
	public Instant plusHours(Instant start, int hours) {
		return start.plus(Duration.ofHours(hours));
	}

	/**
	 * @return the years in the range for which no official holiday arrangement is stored
	 */
	public Set<Integer> yearsWithoutOfficialData(int from, int to) {
		Set<Integer> missing = new TreeSet<>();
		for (int year = from; year <= to; year++) {
			int y = year;
			if (days().keySet().stream().noneMatch(day -> day.getYear() == y)) {
				missing.add(year);
			}
		}
		return missing;
	}

	/**
	 * Forgets the loaded days, so this node sees an administrator's change at once (other nodes within a minute).
	 */
	void forget() {
		official = null;
	}

	private Map<LocalDate, Boolean> days() {
		Map<LocalDate, Boolean> loaded = official;
		if (loaded == null || System.nanoTime() - loadedAt > FRESH_FOR.toNanos()) {
			Map<LocalDate, Boolean> fresh = new HashMap<>();
			jdbc.sql("select day, kind from calendar_day")
				.query((row, number) -> fresh.put(row.getObject("day", LocalDate.class),
						"WORKDAY".equals(row.getString("kind"))))
				.list();
			official = Map.copyOf(fresh);
			loadedAt = System.nanoTime();
			loaded = official;
		}
		return loaded;
	}

}
