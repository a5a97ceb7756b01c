package org.jijinan.timelimits;

import java.time.Instant;
import java.time.LocalDate;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Each township's own time limits: the county sets defaults and bounds, a township its own within them from a day
 * on; a new request takes the limit in force for its township, a running one keeps its deadline; every change is
 * audited; bad input is refused with nothing stored.
 */
@SystemTest
class TimeLimitTests {

	static final DivisionCode SHAZHUYU = new DivisionCode("632521202");

	static final DivisionCode TIEGAI = new DivisionCode("632521203");

	static final String SHAZHUYU_VILLAGE = "632521202291";

	static final String TIEGAI_VILLAGE = "632521203291";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDayCalendar calendar;

	Visitor countyAdmin;

	Visitor shazhuyuApprover;

	Visitor shazhuyuClerk;

	Visitor tiegaiClerk;

	@BeforeEach
	void signIn() {
		TestVillages.ensure(context, SHAZHUYU_VILLAGE, "沙珠玉时限村");
		TestVillages.ensure(context, TIEGAI_VILLAGE, "铁盖时限村");
		var staff = StaffFixtures.from(context);
		countyAdmin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		shazhuyuApprover = StaffFixtures.signedIn(port,
				staff.active(SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		shazhuyuClerk = StaffFixtures.signedIn(port, staff.active(SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.WINDOW_CLERK));
		tiegaiClerk = StaffFixtures.signedIn(port, staff.active(TIEGAI, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.WINDOW_CLERK));
	}

	/** The limits are the county's for every test after this one: they go back to the platform's. */
	@AfterEach
	void forget() {
		jdbc.sql("delete from timelimits_limit").update();
	}

	@Test
	void aTownshipsTwoWorkingDayAcceptanceLimitAppliesToItsRequestsWhileAnotherKeepsTheCountyDefault() {
		String today = today().toString();
		long auditedBefore = audited("632521202/ACCEPTANCE");
		Page county = countyAdmin.json("POST", "/api/v1/time-limits", """
				{"limit": "ACCEPTANCE", "amount": 1, "unit": "WORKING_DAYS", "lowest": 1, "highest": 3,
				 "appliesFrom": "%s"}""".formatted(today));
		assertThat(county.status()).as(county.body()).isEqualTo(201);
		Page own = shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "ACCEPTANCE", "amount": 2, "appliesFrom": "%s"}""".formatted(today));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(own.body()).contains("\"township\":\"632521202\"").contains("\"unit\":\"WORKING_DAYS\"");

		Page there = shazhuyuClerk.json("POST", "/api/v1/help-requests", request(SHAZHUYU_VILLAGE, "13909748801"));
		Page elsewhere = tiegaiClerk.json("POST", "/api/v1/help-requests", request(TIEGAI_VILLAGE, "13909748802"));

		assertThat(due(there)).isEqualTo(calendar.plusWorkingDays(received(there), 2));
		assertThat(due(elsewhere)).isEqualTo(calendar.plusWorkingDays(received(elsewhere), 1));
		assertThat(stepDue(field(there, "number"))).as("the supervision step owes the same").isEqualTo(due(there));

		// The township lengthens its limit from today: the running request keeps its deadline, a new one takes 3.
		assertThat(shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "ACCEPTANCE", "amount": 3, "appliesFrom": "%s"}""".formatted(today)).status()).isEqualTo(201);
		assertThat(Instant.parse(field(shazhuyuClerk.get("/api/v1/help-requests/" + field(there, "number")), "acceptBy")))
			.isEqualTo(due(there));
		assertThat(stepDue(field(there, "number"))).isEqualTo(due(there));
		Page later = shazhuyuClerk.json("POST", "/api/v1/help-requests", request(SHAZHUYU_VILLAGE, "13909748803"));
		assertThat(due(later)).isEqualTo(calendar.plusWorkingDays(received(later), 3));

		assertThat(audited("632521202/ACCEPTANCE")).as("each change audited").isEqualTo(auditedBefore + 2);
		Page overview = shazhuyuApprover.get("/api/v1/time-limits");
		assertThat(overview.body()).contains("\"setsCountyDefaults\":false").contains("沙珠玉乡");
	}

	@Test
	void aChangeFromALaterDayWaitsAndTheCountysBoundsHoldTheTownships() {
		LocalDate tomorrow = today().plusDays(1);
		assertThat(countyAdmin.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 10, "lowest": 5, "highest": 15, "appliesFrom": "%s"}"""
			.formatted(today())).status()).isEqualTo(201);
		assertThat(shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 7, "appliesFrom": "%s"}""".formatted(tomorrow)).status())
			.isEqualTo(201);
		TimeLimits limits = context.getBean(TimeLimits.class);
		assertThat(limits.inForce(TimeLimit.INVESTIGATION, SHAZHUYU, today())).isEqualTo(Limit.workingDays(10));
		assertThat(limits.inForce(TimeLimit.INVESTIGATION, new DivisionCode(SHAZHUYU_VILLAGE), tomorrow))
			.isEqualTo(Limit.workingDays(7));
		assertThat(limits.inForce(TimeLimit.INVESTIGATION, TIEGAI, tomorrow)).isEqualTo(Limit.workingDays(10));
		assertThat(shazhuyuApprover.get("/api/v1/time-limits").body()).contains("\"planned\":[{\"limit\":\"INVESTIGATION\"");

		assertProblem(countyAdmin.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 10, "lowest": 8, "highest": 15, "appliesFrom": "%s"}"""
			.formatted(today())), 409, "timelimits.townships-outside-bounds");
		assertProblem(shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 16, "appliesFrom": "%s"}""".formatted(tomorrow)), 422,
				"timelimits.outside-bounds");
		assertProblem(shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 4, "appliesFrom": "%s"}""".formatted(tomorrow)), 422,
				"timelimits.outside-bounds");
		assertProblem(shazhuyuApprover.json("POST", "/api/v1/time-limits", """
				{"limit": "INVESTIGATION", "amount": 7, "unit": "HOURS", "appliesFrom": "%s"}""".formatted(tomorrow)),
				422, "timelimits.unit-not-allowed");
		assertThat(limits.inForce(TimeLimit.INVESTIGATION, SHAZHUYU, tomorrow)).as("nothing refused was stored")
			.isEqualTo(Limit.workingDays(7));
	}

	@Test
	void refusesBadInputWithNothingStoredAndWhoMayNotSetIsRefused() {
		String today = today().toString();
		String path = "/api/v1/time-limits";
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1, "appliesFrom": "2026-02-31"}"""), 400, "request.invalid-field-value");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1}"""), 400, "timelimits.date-invalid");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1, "appliesFrom": "%s"}""".formatted(today().minusDays(1))), 422,
				"timelimits.applies-from-past");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": -2, "appliesFrom": "%s"}""".formatted(today)), 422,
				"timelimits.amount-invalid");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 2, "lowest": 3, "highest": 5, "appliesFrom": "%s"}""".formatted(today)),
				422, "timelimits.bounds-invalid");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "EMERGENCY_ACCEPTANCE", "amount": 2, "unit": "WORKING_DAYS", "appliesFrom": "%s"}"""
			.formatted(today)), 422, "timelimits.unit-not-allowed");
		assertProblem(countyAdmin.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1, "township": "632522100", "appliesFrom": "%s"}""".formatted(today)),
				422, "timelimits.township-unknown");
		assertProblem(countyAdmin.json("POST", path, """
				{"amount": 1, "appliesFrom": "%s"}""".formatted(today)), 400, "timelimits.limit-required");
		assertProblem(shazhuyuApprover.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1, "township": "632521203", "appliesFrom": "%s"}""".formatted(today)),
				403, "timelimits.not-allowed");
		assertProblem(shazhuyuClerk.json("POST", path, """
				{"limit": "ACCEPTANCE", "amount": 1, "appliesFrom": "%s"}""".formatted(today)), 403,
				"timelimits.not-allowed");
		assertThat(jdbc.sql("select count(*) from timelimits_limit").query(Long.class).single())
			.as("nothing refused was stored").isZero();
	}

	@Test
	void aTownshipLeaderSetsTheTownshipsOwnLimitOnAPhoneAndIsToldTheCountysBoundsBesideTheField() throws Exception {
		assertThat(countyAdmin.json("POST", "/api/v1/time-limits", """
				{"limit": "ACCEPTANCE", "amount": 1, "lowest": 1, "highest": 3, "appliesFrom": "%s"}"""
			.formatted(today())).status()).isEqualTo(201);
		var leader = StaffFixtures.from(context).active(SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);

		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, leader);
			phone.click("办理时限");
			assertThat(phone.text(By.id("county-limits"))).contains("受理时限").contains("1 个工作日").contains("1 至 3");
			assertThat(phone.text(By.id("township")).strip()).as("a township sets only its own").isEqualTo("沙珠玉乡");
			phone.choose("时限", "受理时限");
			phone.fill("时长", "5");
			phone.fill("施行日期", today().toString());
			phone.click("保存");
			assertThat(phone.text(By.id("amount-problem"))).contains("1 至 3");
			assertThat(phone.valueOf("时长")).as("what was typed is kept").isEqualTo("5");
			assertThat(phone.valueOf("施行日期")).isEqualTo(today().toString());

			phone.fill("时长", "2");
			phone.click("保存");
			Journeys.noProblem(phone);
			assertThat(phone.text(By.id("township-limits"))).contains("沙珠玉乡：受理时限 2 个工作日");
			assertThat(phone.pageText()).doesNotContain("632521202").doesNotContain(leader.username());
		}
		assertThat(context.getBean(TimeLimits.class).inForce(TimeLimit.ACCEPTANCE, SHAZHUYU, today()))
			.isEqualTo(Limit.workingDays(2));
	}

	private long audited(String subject) {
		return jdbc.sql("select count(*) from audit_record where action = 'timelimits.limit-set' and subject_id = :subject")
			.param("subject", subject)
			.query(Long.class)
			.single();
	}

	private Instant stepDue(String number) {
		return jdbc.sql("select due_at from supervision_step where kind = 'REQUEST_DECISION' and subject_ref = :number")
			.param("number", number)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private static LocalDate today() {
		return LocalDate.now(WorkingDayCalendar.COUNTY);
	}

	private static Instant due(Page request) {
		return Instant.parse(field(request, "acceptBy"));
	}

	private static Instant received(Page request) {
		return Instant.parse(field(request, "receivedAt"));
	}

	private static String field(Page page, String name) {
		assertThat(page.status()).as(page.body()).isBetween(200, 201);
		return page.body().replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
	}

	private static String request(String village, String phone) {
		return """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterName": "邻居老王", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "%s", "subjectName": "才让", "village": "%s",
				 "description": "昨夜房屋失火，一家四口无处居住", "causes": ["FIRE"]}""".formatted(phone, village);
	}

}
