package org.jijinan.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.jijinan.SystemTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SystemTest
class WorkingDayCalendarTests {

	@Autowired
	WorkingDayCalendar calendar;

	@Test
	void treatsHolidaysAsRestDaysAndMakeUpSundaysAsWorkingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).as("National Day").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("make-up Sunday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).as("Thursday after the holiday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("an ordinary Saturday").isFalse();
	}

	@Test
	void countsWorkingDaysAcrossTheNationalDayHoliday() {
		var start = ZonedDateTime.of(2025, 9, 30, 10, 0, 0, 0, WorkingDayCalendar.COUNTY).toInstant();

		assertThat(calendar.plusWorkingDays(start, 1).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2025, 10, 9, 10, 0, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(calendar.plusWorkingDays(start, 2).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2025, 10, 10, 10, 0, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(calendar.plusWorkingDays(start, 3).atZone(WorkingDayCalendar.COUNTY)).as("make-up Saturday")
			.isEqualTo(ZonedDateTime.of(2025, 10, 11, 10, 0, 0, 0, WorkingDayCalendar.COUNTY));
	}

	@Test
	void countsEmergencyHoursOnTheClockEvenOverAWeekend() {
		var saturday = ZonedDateTime.of(2026, 11, 28, 23, 0, 0, 0, WorkingDayCalendar.COUNTY).toInstant();

		assertThat(calendar.plusHours(saturday, 2).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2026, 11, 29, 1, 0, 0, 0, WorkingDayCalendar.COUNTY));
	}

	@Test
	void reportsYearsWithoutAnOfficialArrangement() {
		assertThat(calendar.yearsWithoutOfficialData(2025, 2027)).containsExactly(2027);
	}

}
