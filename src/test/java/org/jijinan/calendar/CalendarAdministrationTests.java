package org.jijinan.calendar;

import java.time.LocalDate;
import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County administrators keep the official days: a year without them is flagged; entering a holiday or a make-up
 * working day changes due times at once; removing it restores the weekday rule; others may not touch the calendar.
 */
@SystemTest
class CalendarAdministrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void entersChangesAndRemovesOfficialDays() {
		var staff = StaffFixtures.from(context);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		LocalDate thursday = LocalDate.of(2099, 1, 1);
		LocalDate saturday = LocalDate.of(2099, 1, 3);

		Page page = admin.get("/admin/calendar?year=2027");
		assertThat(page.body()).contains("id=\"calendar-missing\"").contains("2027 年的法定节假日");

		assertThat(admin.post("/admin/calendar", Map.of("day", "2099-01-01", "kind", "HOLIDAY", "name", "元旦"))
			.status()).isEqualTo(302);
		admin.get("/admin/calendar?year=2099");
		assertThat(admin.post("/admin/calendar", Map.of("day", "2099-01-03", "kind", "WORKDAY", "name", "元旦调休上班"))
			.status()).isEqualTo(302);
		assertThat(calendar.isWorkingDay(thursday)).isFalse();
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		assertThat(admin.get("/admin/calendar?year=2099").body()).contains("元旦调休上班").contains("调休上班");

		admin.get("/admin/calendar?year=2099");
		Page badKind = admin.post("/admin/calendar", Map.of("day", "2099-01-05", "kind", "PARTY", "name", "聚会"));
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.body()).contains("id=\"problem\"").contains("类型应为");
		admin.get("/admin/calendar?year=2099");
		assertThat(admin.post("/admin/calendar", Map.of("day", "2099-13-40", "kind", "HOLIDAY", "name", "错"))
			.status()).isEqualTo(400);

		admin.get("/admin/calendar?year=2099");
		admin.post("/admin/calendar/removal", Map.of("day", "2099-01-01"));
		admin.get("/admin/calendar?year=2099");
		admin.post("/admin/calendar/removal", Map.of("day", "2099-01-03"));
		assertThat(calendar.isWorkingDay(thursday)).isTrue();
		assertThat(calendar.isWorkingDay(saturday)).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'calendar.day-changed' and subject_id like '2099-%'")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void letsOnlyCountyAdministratorsChangeTheCalendar() {
		var staff = StaffFixtures.from(context);
		Visitor townshipAdmin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));

		townshipAdmin.get("/admin/calendar?year=2099");
		Page refused = townshipAdmin.post("/admin/calendar", Map.of("day", "2099-02-02", "kind", "HOLIDAY", "name", "春节"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(clerk.get("/admin/calendar").status()).isEqualTo(403);
		assertThat(calendar.isWorkingDay(LocalDate.of(2099, 2, 2))).isTrue();
	}

}
