package org.jijinan.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.jijinan.SystemTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SystemTest
class WorkingDayCalendarTests {

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient calendarJdbc;

	@Test
	void treatsHolidaysAsRestDaysAndMakeUpSundaysAsWorkingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).as("National Day").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("make-up Sunday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).as("Thursday after the holiday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("an ordinary Saturday").isFalse();
	}

	@Test
	void countsWorkingDaysAcrossTheNationalDayHolidayToTheEndOfTheLastOne() {
		var start = ZonedDateTime.of(2025, 9, 30, 10, 0, 0, 0, WorkingDayCalendar.COUNTY).toInstant();

		assertThat(calendar.plusWorkingDays(start, 1).atZone(WorkingDayCalendar.COUNTY)).as("24:00 on 9 October")
			.isEqualTo(ZonedDateTime.of(2025, 10, 10, 0, 0, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(calendar.plusWorkingDays(start, 2).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2025, 10, 11, 0, 0, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(calendar.plusWorkingDays(start, 3).atZone(WorkingDayCalendar.COUNTY)).as("make-up Saturday")
			.isEqualTo(ZonedDateTime.of(2025, 10, 12, 0, 0, 0, 0, WorkingDayCalendar.COUNTY));
	}

	@Test
	void leavesAWholeWorkingDayToARequestReceivedBeforeDawnOnASunday() {
		var sunday = ZonedDateTime.of(2026, 12, 6, 5, 55, 0, 0, WorkingDayCalendar.COUNTY).toInstant();
		var fridayEvening = ZonedDateTime.of(2026, 12, 4, 17, 0, 0, 0, WorkingDayCalendar.COUNTY).toInstant();
		var mondayMorning = ZonedDateTime.of(2026, 12, 7, 8, 30, 0, 0, WorkingDayCalendar.COUNTY).toInstant();

		assertThat(calendar.plusWorkingDays(sunday, 1).atZone(WorkingDayCalendar.COUNTY))
			.as("the day of receipt is not counted; Monday counts whole, to 24:00")
			.isEqualTo(ZonedDateTime.of(2026, 12, 8, 0, 0, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(calendar.plusWorkingDays(fridayEvening, 1)).isEqualTo(calendar.plusWorkingDays(sunday, 1));
		assertThat(calendar.plusWorkingDays(mondayMorning, 1).atZone(WorkingDayCalendar.COUNTY))
			.as("Monday itself is not counted")
			.isEqualTo(ZonedDateTime.of(2026, 12, 9, 0, 0, 0, 0, WorkingDayCalendar.COUNTY));
	}

	@Test
	void endsAtTheCloseOfOfficeHoursWhereTheCountySetsThem() {
		var closing = new WorkingDayCalendar(calendarJdbc, "17:30");
		var sunday = ZonedDateTime.of(2026, 12, 6, 5, 55, 0, 0, WorkingDayCalendar.COUNTY).toInstant();

		assertThat(closing.plusWorkingDays(sunday, 1).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2026, 12, 7, 17, 30, 0, 0, WorkingDayCalendar.COUNTY));
		assertThat(closing.plusWorkingDays(sunday, 3).atZone(WorkingDayCalendar.COUNTY))
			.isEqualTo(ZonedDateTime.of(2026, 12, 9, 17, 30, 0, 0, WorkingDayCalendar.COUNTY));
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
