package org.jijinan.supervision;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Every owed step has a due time and a person responsible; the sweep warns before the due time and escalates after
 * it (owner, then unit, then supervisors), each once; supervisors order action and record accountability; the
 * board shows on-time rates, returns and buck-passing.
 */
@SystemTest
class SupervisionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DeadlineSweep sweep;

	DeadlineMessages alerts;

	Visitor clerk;

	String clerkName;

	Visitor reviewer;

	Visitor county;

	Visitor leader;

	@BeforeEach
	void signIn() {
		alerts = new DeadlineMessages(jdbc);
		var staff = StaffFixtures.from(context);
		var clerkAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		clerkName = clerkAccount.username();
		clerk = StaffFixtures.signedIn(port, clerkAccount);
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		leader = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.LEADER));
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void warnsBeforeTheDueTimeThenEscalatesToTheUnitAndTheSupervisorsOnceEach() {
		String number = request("EMERGENCY");
		UUID step = stepOf(number);
		assertThat(status(step)).isEqualTo("OPEN");

		clock.advance(Duration.ofMinutes(100));
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "WARNING") == 1);
		assertThat(alerts.recipients(step, "WARNING")).containsExactly("account:" + clerkName);
		assertThat(reviewer.get("/inbox").body()).doesNotContain("【预警】求助受理 " + number);

		clock.advance(Duration.ofMinutes(30));
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "OVERDUE") == 2);
		assertThat(alerts.recipients(step, "OVERDUE")).containsExactlyInAnyOrder("account:" + clerkName,
				"region:/630000/632500/632521/632521101/");
		String clerkShown = jdbc.sql("select display_name from identity_account where username = :username")
			.param("username", clerkName)
			.query(String.class)
			.single();
		assertThat(reviewer.get("/inbox").body()).contains("【超时】求助受理 " + number)
			.contains("责任人 " + clerkShown + "（")
			.doesNotContain("责任人 " + clerkName);
		assertThat(alerts.count(step, "SUPERVISOR")).isZero();

		clock.advance(Duration.ofDays(12));
		sweep.sweep();
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "SUPERVISOR") == 1);
		assertThat(alerts.recipients(step, "SUPERVISOR"))
			.containsExactly("supervisors:/630000/632500/632521/632521101/");
		sweep.sweep();
		assertThat(alerts.count(step, "WARNING") + alerts.count(step, "OVERDUE") + alerts.count(step, "SUPERVISOR"))
			.isEqualTo(4);
		assertThat(leader.get("/api/v1/supervision/board").body()).contains(number);
	}

	@Test
	void finishesTheRequestStepOnAcceptanceAndFollowsTheCaseAndItsTasks() {
		String number = request("NORMAL");
		reviewer.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
		assertThat(status(stepOf(number))).isEqualTo("DONE");
		String caseNumber = caseOf(number);

		String education = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		Page task = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks",
				"{\"unitId\": \"" + education + "\", \"kind\": \"VERIFY\", \"request\": \"核实就学情况\"}");
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		String visit = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋受损，需要救助\"}"
					.formatted(LocalDate.now(clock), clerkName))
			.body()
			.replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		clerk.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + visit + "/confirmation", "");
		Page proposed = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"AWAITING_DECISION\"}");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);

		String steps = county.get("/api/v1/supervision/cases/" + caseNumber + "/steps").body();
		assertThat(steps).contains("\"kind\":\"INVESTIGATION\"").contains("\"kind\":\"TASK_ACCEPTANCE\"")
			.contains("\"kind\":\"APPROVAL\"");
		assertThat(steps.replaceAll("(?s).*\"kind\":\"INVESTIGATION\"(.*?)\\}.*", "$1")).contains("\"status\":\"DONE\"");

		reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"申请人已获亲属资助\"}");
		assertThat(county.get("/api/v1/supervision/cases/" + caseNumber + "/steps").body())
			.doesNotContain("\"status\":\"OPEN\"");
	}

	@Test
	void showsTasksPassedFromUnitToUnitOnTheBoard() {
		String caseNumber = caseOf(accepted(request("NORMAL")));
		var staff = StaffFixtures.from(context);
		var educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		var housingAccount = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		Visitor education = StaffFixtures.signedIn(port, educationAccount);
		Visitor housing = StaffFixtures.signedIn(port, housingAccount);
		String task = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks",
				"{\"unitId\": \"" + educationAccount.unitId().value() + "\", \"kind\": \"DEPARTMENT_ASSISTANCE\", \"request\": \"请落实危房改造\"}")
			.body()
			.replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		education.json("POST", "/api/v1/tasks/" + task + "/return", "{\"reason\": \"不属于教育部门职责\"}");
		reviewer.json("POST", "/api/v1/tasks/" + task + "/referral", "{\"unitId\": \"" + housingAccount.unitId().value() + "\"}");
		housing.json("POST", "/api/v1/tasks/" + task + "/return", "{\"reason\": \"请先由乡镇核实\"}");

		String board = leader.get("/api/v1/supervision/board").body();
		assertThat(board).contains("\"passedOn\":[").contains(caseNumber)
			.contains("共和县教育局 → 共和县住房和城乡建设局");
		assertThat(leader.get("/supervision").body()).contains("id=\"passed-on\"").contains(caseNumber);
	}

	@Test
	void letsSupervisorsOrderActionAndRecordAccountabilityAndTheTownshipReply() {
		String number = request("NORMAL");
		String caseNumber = caseOf(accepted(number));
		var supervisorAccount = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR);
		Visitor supervisor = StaffFixtures.signedInWithSecondFactor(port, supervisorAccount, context);
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();

		assertProblem(reviewer.json("POST", "/api/v1/supervision/orders", order(caseNumber, "请尽快入户调查", tomorrow)), 403,
				"supervision.supervisors-only");
		assertProblem(supervisor.json("POST", "/api/v1/supervision/orders", order(caseNumber, "请尽快入户调查", "2020-01-01")),
				400, "supervision.reply-date-invalid");
		Page issued = supervisor.json("POST", "/api/v1/supervision/orders", order(caseNumber, "请三日内完成入户调查并回复", tomorrow));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String orderId = issued.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(reviewer.get("/supervision/orders").body()).contains("请三日内完成入户调查并回复")
			.contains("/supervision/orders/" + orderId + "/reply");
		assertThat(leader.get("/supervision/orders").body()).as("leaders read orders but do not answer them")
			.contains("请三日内完成入户调查并回复")
			.doesNotContain("/supervision/orders/" + orderId + "/reply");
		assertThat(supervisor.get("/supervision/cases/" + caseNumber).body()).contains("id=\"board-link\"");
		assertThat(reviewer.get("/supervision/cases/" + caseNumber).body()).as("no link to a board it cannot open")
			.contains("请三日内完成入户调查并回复")
			.doesNotContain("id=\"board-link\"");

		assertProblem(supervisor.json("POST", "/api/v1/supervision/orders/" + orderId + "/reply", "{\"reply\": \"已完成\"}"),
				403, "supervision.reply-by-handler");
		Page replied = reviewer.json("POST", "/api/v1/supervision/orders/" + orderId + "/reply",
				"{\"reply\": \"已于今日完成入户调查\"}");
		assertThat(replied.body()).contains("已于今日完成入户调查");
		assertProblem(reviewer.json("POST", "/api/v1/supervision/orders/" + orderId + "/reply", "{\"reply\": \"再次回复内容\"}"),
				409, "supervision.order-already-replied");
		assertThat(status(UUID.fromString(orderId))).isEqualTo("DONE");

		UUID decision = stepOf(number);
		assertProblem(supervisor.json("POST", "/api/v1/supervision/accountability",
				"{\"stepId\": \"" + decision + "\", \"failure\": \"LATE\", \"description\": \"\"}"), 400,
				"supervision.description-required");
		Page recorded = supervisor.json("POST", "/api/v1/supervision/accountability",
				"{\"stepId\": \"" + decision + "\", \"failure\": \"LATE\", \"description\": \"受理超过时限，未说明理由\"}");
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.body()).contains("\"person\":\"" + clerkName + "\"").contains("倒淌河镇");
		assertThat(supervisor.get("/supervision/accountability").body()).contains("受理超过时限").contains("办理迟延");
	}

	/**
	 * A request taken outside its township (here by the hotline) is owed by the township's decider who owes the
	 * fewest decisions; each decider's owed decisions are counted up to fifty, beyond which the township's deciders
	 * share its requests.
	 */
	@Test
	void aRequestTakenByTheHotlineIsOwedByTheTownshipsDeciderWhoOwesTheFewestDecisions() {
		var staff = StaffFixtures.from(context);
		// A township of its own, so that no other test's staff are among its deciders.
		Visitor administrator = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Page imported = administrator.send(HttpRequest.newBuilder(administrator.uri("/api/v1/regions/imports"))
			.header("Content-Type", "text/csv")
			.header("X-CSRF-TOKEN", administrator.csrf())
			.POST(HttpRequest.BodyPublishers.ofString("""
					code,name,level,parent_code,valid_from,valid_to,successor_code
					632521190,分派镇（测试）,TOWNSHIP,632521,,,
					632521190201,分派村（测试）,VILLAGE,632521190,,,
					""")));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		var township = new DivisionCode("632521190");
		String reviewerName = staff.named("分派审核员", township, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER)
			.username();
		String clerkOfTownship = staff.named("分派窗口员", township, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK)
			.username();
		Visitor hotline = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));

		owes(reviewerName, 3);
		assertThat(responsibleFor(call(hotline))).isEqualTo(clerkOfTownship);
		owes(clerkOfTownship, 60);
		assertThat(responsibleFor(call(hotline))).isEqualTo(reviewerName);
		owes(reviewerName, 70);
		// Both owe more than fifty: counted alike, they share the next requests (the clerk, owing fewer, would be
		// given all of them were every owed decision counted).
		List<String> given = new ArrayList<>();
		for (int call = 0; call < 4; call++) {
			given.add(responsibleFor(call(hotline)));
		}
		assertThat(given).containsOnly(reviewerName, clerkOfTownship).contains(reviewerName, clerkOfTownship);
	}

	private static String call(Visitor hotline) {
		Page received = hotline.json("POST", "/api/v1/help-requests", """
				{"channel": "HOTLINE", "urgency": "NORMAL", "reporterName": "来电人", "reporterRelation": "SELF",
				 "reporterPhone": "13909741234", "subjectName": "来电人", "village": "632521190201",
				 "description": "来电称家中断粮", "causes": ["OTHER"]}""");
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return IntakeTests.numberOf(received);
	}

	private String responsibleFor(String requestNumber) {
		return jdbc.sql("select responsible from supervision_step where kind = 'REQUEST_DECISION' and subject_ref = :n")
			.param("n", requestNumber)
			.query(String.class)
			.single();
	}

	/** Gives someone that many more open request decisions, as earlier requests of their township would. */
	private void owes(String username, int decisions) {
		jdbc.sql("""
				insert into supervision_step (id, kind, subject_ref, area_path, unit_key, unit_name, responsible,
				  started_at, due_at, status, stage, next_action_at)
				select gen_random_uuid(), 'REQUEST_DECISION', 'OWED-' || gen_random_uuid(),
				       '/630000/632500/632521/632521190/', '632521190', '分派镇（测试）', :username,
				       now(), now() + interval '10 years', 'OPEN', 0, now() + interval '10 years'
				  from generate_series(1, :decisions)""")
			.param("username", username)
			.param("decisions", decisions)
			.update();
	}

	/**
	 * The board and the accountability records (which name the people held responsible) are for the area's
	 * supervisors and leaders; the orders also for the case handlers who answer them. Everyone else is refused, on the
	 * API and on the pages, and is not offered the pages in the navigation.
	 */
	@Test
	void opensTheBoardOrdersAndAccountabilityOnlyToSupervisorsLeadersAndTheHandlersWhoAnswerOrders() {
		var staff = StaffFixtures.from(context);
		Visitor villageReporter = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.VILLAGE_REPORTER));
		Visitor hotline = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));
		Visitor administrator = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Visitor department = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER));
		Visitor supervisor = StaffFixtures.signedInWithSecondFactor(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR), context);
		Visitor townshipApprover = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor countyApprover = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));

		for (Visitor outsider : List.of(clerk, villageReporter, hotline, administrator, department)) {
			for (String read : List.of("board", "orders", "accountability")) {
				assertProblem(outsider.get("/api/v1/supervision/" + read), 403, "supervision.not-allowed");
			}
			for (String page : List.of("/supervision", "/supervision/orders", "/supervision/accountability")) {
				Page refused = outsider.get(page);
				assertThat(refused.status()).as(page).isEqualTo(403);
				assertThat(refused.body()).contains("supervision.not-allowed");
			}
			assertThat(outsider.get("/").body()).doesNotContain("href=\"/supervision\"")
				.doesNotContain("href=\"/supervision/orders\"");
		}
		for (Visitor handler : List.of(reviewer, townshipApprover, county, countyApprover)) {
			assertThat(handler.get("/api/v1/supervision/orders").status()).isEqualTo(200);
			assertThat(handler.get("/supervision/orders").status()).isEqualTo(200);
			assertProblem(handler.get("/api/v1/supervision/board"), 403, "supervision.not-allowed");
			assertProblem(handler.get("/api/v1/supervision/accountability"), 403, "supervision.not-allowed");
			assertThat(handler.get("/supervision").status()).isEqualTo(403);
			assertThat(handler.get("/supervision/accountability").status()).isEqualTo(403);
			assertThat(handler.get("/").body()).doesNotContain("href=\"/supervision\"")
				.contains("href=\"/supervision/orders\"");
		}
		for (Visitor overseer : List.of(leader, supervisor)) {
			for (String read : List.of("board", "orders", "accountability")) {
				assertThat(overseer.get("/api/v1/supervision/" + read).status()).as(read).isEqualTo(200);
			}
			for (String page : List.of("/supervision", "/supervision/orders", "/supervision/accountability")) {
				assertThat(overseer.get(page).status()).as(page).isEqualTo(200);
			}
			assertThat(overseer.get("/").body()).contains("href=\"/supervision\"");
		}
	}

	private static String order(String caseNumber, String instruction, String replyBy) {
		return "{\"caseNumber\": \"%s\", \"instruction\": \"%s\", \"replyBy\": \"%s\"}".formatted(caseNumber, instruction,
				replyBy);
	}

	private String request(String urgency) {
		return IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests",
				IntakeTests.request(urgency, "13909742468", "FIRE")));
	}

	private String accepted(String number) {
		reviewer.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
		return number;
	}

	private String caseOf(String requestNumber) {
		return CaseFixtures.caseOf(reviewer, requestNumber);
	}

	private UUID stepOf(String subject) {
		return jdbc.sql("select id from supervision_step where subject_ref = :s order by started_at limit 1")
			.param("s", subject)
			.query(UUID.class)
			.single();
	}

	private String status(UUID stepOrSubject) {
		return jdbc.sql("select status from supervision_step where id = :id or subject_ref = :ref")
			.param("id", stepOrSubject)
			.param("ref", stepOrSubject.toString())
			.query(String.class)
			.single();
	}

}
