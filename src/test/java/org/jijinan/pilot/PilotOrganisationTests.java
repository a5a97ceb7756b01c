package org.jijinan.pilot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.OtherCounty;
import org.jijinan.supervision.DeadlineMessages;
import org.jijinan.supervision.Sweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * The pilot's organisation as tracked work: a meeting's decisions become action items owed by their owners and
 * escalate like any step; a new pilot's phases and deadlines come from the plan's calendar, each township's plan
 * owed by the 25th day and done when the township files it; bad input is refused with nothing stored.
 */
@SystemTest
class PilotOrganisationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void aMeetingDecisionsActionItemEscalatesWhenOverdueAndItsOwnerMarksItDone() throws Exception {
		var staff = StaffFixtures.from(context);
		Visitor leader = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		var ownerAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER);
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));

		Page recorded = leader.json("POST", "/api/v1/pilot/meetings", """
				{"kind": "REVIEW", "heldOn": "%s", "place": "县民政局三楼会议室", "attendees": "领导小组成员、各乡镇分管领导",
				 "minutes": "研究试点中遇到的困难和问题：部分乡镇受理窗口未挂牌。",
				 "decisions": [{"decision": "督促各乡镇受理窗口统一挂牌", "owner": "%s", "dueOn": "%s"}]}"""
			.formatted(today, ownerAccount.username(), today.plusDays(2)));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		UUID meeting = UUID.fromString(recorded.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
		UUID action = jdbc.sql("select id from pilot_action where meeting_id = :m").param("m", meeting)
			.query(UUID.class)
			.single();
		UUID step = jdbc.sql("select id from supervision_step where kind = 'PILOT_ACTION' and subject_ref = :a")
			.param("a", action.toString())
			.query(UUID.class)
			.single();
		assertThat(jdbc.sql("select responsible from supervision_step where id = :s").param("s", step)
			.query(String.class)
			.single()).isEqualTo(ownerAccount.username());

		var alerts = new DeadlineMessages(jdbc);
		clock.advance(Duration.ofDays(6));
		Sweeps.sweep(context);
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "OVERDUE") >= 1);
		assertThat(alerts.recipients(step, "OVERDUE")).anyMatch(recipient -> recipient.contains(ownerAccount.username()));
		assertThat(leader.get("/api/v1/pilot/organisation").body()).contains("\"overdue\":true");

		try (Browser owner = Browser.start(port)) {
			Journeys.signIn(owner, ownerAccount);
			owner.click("试点管理");
			owner.click("试点组织");
			assertThat(owner.text(By.id("action-" + action))).contains("督促各乡镇受理窗口统一挂牌").contains("已逾期");
			owner.click("填写办理情况");
			owner.fill("办理情况", "各乡镇受理窗口已统一挂牌");
			owner.click("办结");
			Journeys.noProblem(owner);
			assertThat(owner.text(By.id("action-" + action))).contains("已办结：各乡镇受理窗口已统一挂牌");
			assertThat(owner.pageText()).doesNotContain(ownerAccount.username());
		}
		assertThat(jdbc.sql("select status from supervision_step where id = :s").param("s", step)
			.query(String.class)
			.single()).isEqualTo("DONE");
	}

	@Test
	void aNewPilotTakesThePlansCalendarAndEachTownshipsPlanIsOwedUntilFiled() {
		OtherCounty.ensure(context);
		var staff = StaffFixtures.from(context);
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(OtherCounty.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		var townshipAccount = staff.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
		Visitor township = StaffFixtures.signedIn(port, townshipAccount);

		assertProblem(county.json("POST", "/api/v1/pilot/start", "{\"startsOn\": \"2031-02-30\"}"), 400,
				"pilot.date-invalid");
		Page started = county.json("POST", "/api/v1/pilot/start", "{\"startsOn\": \"2031-10-08\"}");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		// The plan's phases, its "2月31日" read as the month's last day (2032 is a leap year).
		assertThat(started.body()).contains("\"name\":\"准备动员阶段\",\"startsOn\":\"2031-10-08\",\"endsOn\":\"2031-11-10\"")
			.contains("\"name\":\"试点实施阶段\",\"startsOn\":\"2031-11-11\",\"endsOn\":\"2032-02-29\"")
			.contains("\"name\":\"交流推进阶段\",\"startsOn\":\"2032-03-01\",\"endsOn\":\"2032-03-31\"")
			.contains("\"name\":\"总结推广阶段\",\"startsOn\":\"2032-04-01\",\"endsOn\":\"2032-05-31\"");
		assertProblem(county.json("POST", "/api/v1/pilot/start", "{\"startsOn\": \"2031-10-08\"}"), 409,
				"pilot.phases-exist");

		// 2031-11-01 is a Saturday: the plan is owed by the end of Monday 11-03.
		Instant plansDue = LocalDate.of(2031, 11, 4).atStartOfDay(WorkingDayCalendar.COUNTY).toInstant();
		String plan = jdbc.sql("""
				select id::text from pilot_action where township = :t and kind = 'TOWNSHIP_PLAN' and status = 'OPEN'""")
			.param("t", OtherCounty.TOWNSHIP.value())
			.query(String.class)
			.single();
		var owed = jdbc.sql("select responsible, due_at, status from supervision_step where subject_ref = :p")
			.param("p", plan)
			.query()
			.singleRow();
		assertThat(owed).containsEntry("responsible", townshipAccount.username()).containsEntry("status", "OPEN");
		assertThat(((java.sql.Timestamp) owed.get("due_at")).toInstant()).isEqualTo(plansDue);
		assertThat(jdbc.sql("""
				select count(*) from pilot_action where county = :c and kind = 'MOBILISATION'""")
			.param("c", OtherCounty.COUNTY.value())
			.query(Long.class)
			.single()).as("the mobilisation owed by 10-15").isEqualTo(1);

		assertThat(township.json("PUT", "/api/v1/pilot/readiness/" + OtherCounty.TOWNSHIP.value() + "/PLAN_FILED",
				"{\"done\": true}").status()).isEqualTo(200);
		assertThat(jdbc.sql("select status from supervision_step where subject_ref = :p").param("p", plan)
			.query(String.class)
			.single()).isEqualTo("DONE");
	}

	@Test
	void recordsTheOrganisationAndRefusesBadInputWithNothingStored() throws Exception {
		var staff = StaffFixtures.from(context);
		Visitor leader = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
		long meetings = count("pilot_meeting");
		String meeting = """
				{"kind": "EXCHANGE", "heldOn": "%s", "place": "倒淌河镇", "attendees": "各乡镇分管领导",
				 "minutes": "观摩倒淌河镇一门受理做法。", "decisions": [{"decision": "各乡镇交叉学习", "owner": "%s",
				 "dueOn": "%s"}]}""";

		assertProblem(leader.json("POST", "/api/v1/pilot/meetings", meeting.formatted("2026-02-30", "", today)), 400,
				"pilot.date-invalid");
		assertProblem(leader.json("POST", "/api/v1/pilot/meetings", meeting.formatted(today, "nobody", today)), 422,
				"pilot.owner-unknown");
		assertProblem(township.json("POST", "/api/v1/pilot/meetings", meeting.formatted(today, "", today)), 403,
				"pilot.not-allowed");
		assertThat(count("pilot_meeting")).as("nothing refused was stored").isEqualTo(meetings);

		assertThat(leader.json("POST", "/api/v1/pilot/members", """
				{"name": "李明", "post": "副县长", "unit": "县人民政府", "role": "LEADER"}""").status()).isEqualTo(201);
		assertThat(township.json("POST", "/api/v1/pilot/publicity", """
				{"heldOn": "%s", "what": "村民大会宣讲救急难政策", "place": "倒淌河村", "reach": 120}""".formatted(today))
			.status()).isEqualTo(201);
		assertProblem(township.json("POST", "/api/v1/pilot/publicity", """
				{"heldOn": "%s", "what": "发放宣传单", "place": "集市", "reach": -5}""".formatted(today)), 422,
				"pilot.publicity-reach-invalid");
		assertProblem(leader.json("POST", "/api/v1/pilot/liaisons/632521202/visits", """
				{"visitedOn": "%s", "findings": "窗口已设立"}""".formatted(today)), 422, "pilot.liaison-missing");
		assertThat(leader.json("PUT", "/api/v1/pilot/liaisons/632521202", """
				{"leader": "王强", "post": "县民政局副局长"}""").status()).isEqualTo(200);
		assertThat(leader.json("POST", "/api/v1/pilot/liaisons/632521202/visits", """
				{"visitedOn": "%s", "findings": "窗口已设立，热线已开通"}""".formatted(today)).status()).isEqualTo(201);

		String view = leader.get("/api/v1/pilot/organisation").body();
		assertThat(view).contains("李明").contains("村民大会宣讲救急难政策").contains("\"leader\":\"王强\"")
			.contains("\"visits\":1");
		byte[] workbook = leader.sendBytes(java.net.http.HttpRequest.newBuilder(leader.uri("/api/v1/pilot/evaluation.xlsx")));
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
			assertThat(book.getSheet("领导小组")).as("the evaluation report carries the organisation").isNotNull();
			assertThat(book.getSheet("宣传活动").getRow(1).getCell(1).getStringCellValue()).isNotBlank();
			assertThat(book.getSheet("联点指导")).isNotNull();
			assertThat(book.getSheet("工作事项")).isNotNull();
		}
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
