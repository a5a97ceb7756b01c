package org.jijinan.casework;

import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Referral and split handling: a township refers tasks from a case to several units at once; each receiving unit
 * sees only its own tasks, accepts, returns with a reason (counted every time) or completes with a result; the
 * referrer stays responsible until the unit accepts; the case's timeline shows it all.
 */
@SystemTest
class TaskTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	Visitor reviewer;

	String reviewerName;

	Visitor education;

	String educationUnit;

	String educationOfficer;

	Visitor housing;

	String housingUnit;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var reviewerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER);
		reviewerName = reviewerAccount.username();
		reviewer = StaffFixtures.signedIn(port, reviewerAccount);
		var educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		educationUnit = educationAccount.unitId().value().toString();
		educationOfficer = educationAccount.username();
		education = StaffFixtures.signedIn(port, educationAccount);
		var housingAccount = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		housingUnit = housingAccount.unitId().value().toString();
		housing = StaffFixtures.signedIn(port, housingAccount);
	}

	@Test
	void refersToSeveralUnitsThatEachSeeOnlyTheirOwnTasks() {
		String caseNumber = openCase();

		String schooling = idOf(refer(caseNumber, educationUnit, "DEPARTMENT_ASSISTANCE", "孩子因火灾失学，请落实教育资助", 5));
		String shelter = idOf(refer(caseNumber, housingUnit, "DEPARTMENT_ASSISTANCE", "房屋烧毁，请评估危房改造", 10));

		assertThat(education.get("/api/v1/tasks").body()).contains(schooling).doesNotContain(shelter);
		assertThat(housing.get("/api/v1/tasks").body()).contains(shelter).doesNotContain(schooling);
		assertProblem(education.get("/api/v1/tasks/" + shelter), 403, "casework.out-of-scope");
		assertProblem(education.get("/api/v1/cases/" + caseNumber), 403, "casework.out-of-scope");
		assertProblem(education.json("POST", "/api/v1/tasks/" + shelter + "/acceptance", ""), 403,
				"casework.not-your-task");
		String seen = education.get("/api/v1/tasks/" + schooling).body();
		assertThat(seen).contains("\"owner\":\"" + reviewerName + "\"").contains("\"status\":\"REFERRED\"")
			.doesNotContain("13909741234").doesNotContain("householdId");
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/tasks").body()).contains(schooling).contains(shelter);
	}

	@Test
	void passesResponsibilityOnAcceptanceAndKeepsTheResult() {
		String caseNumber = openCase();
		String task = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实孩子在校就读情况", 3));

		assertProblem(reviewer.json("POST", "/api/v1/tasks/" + task + "/result-noted", ""), 422,
				"casework.task-not-completed");
		Page accepted = education.json("POST", "/api/v1/tasks/" + task + "/acceptance", "");
		assertThat(accepted.body()).contains("\"status\":\"ACCEPTED\"").contains("\"owner\":\"" + educationOfficer + "\"");
		assertProblem(education.json("POST", "/api/v1/tasks/" + task + "/acceptance", ""), 409,
				"casework.illegal-task-transition");
		assertProblem(education.json("POST", "/api/v1/tasks/" + task + "/completion", "{\"result\": \" \"}"), 400,
				"casework.task-result-required");
		Page completed = education.json("POST", "/api/v1/tasks/" + task + "/completion",
				"{\"result\": \"已核实在共和县第二中学就读，已纳入教育资助\"}");

		assertThat(completed.body()).contains("\"status\":\"COMPLETED\"").contains("已纳入教育资助")
			.doesNotContain("resultNotedAt");
		assertProblem(education.json("POST", "/api/v1/tasks/" + task + "/result-noted", ""), 403,
				"casework.out-of-scope");
		Page noted = reviewer.json("POST", "/api/v1/tasks/" + task + "/result-noted", "");
		assertThat(noted.status()).as(noted.body()).isEqualTo(200);
		assertThat(notedAt(reviewer.json("POST", "/api/v1/tasks/" + task + "/result-noted", "")))
			.as("noting twice changes nothing (stored to the microsecond)")
			.isCloseTo(notedAt(noted), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
		String timeline = reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body();
		assertThat(timeline).contains("TASK_REFERRED").contains("TASK_ACCEPTED").contains("TASK_COMPLETED")
			.contains("已纳入教育资助");
	}

	@Test
	void countsEveryReturnAndGivesTheTaskBackToTheReferrer() {
		String caseNumber = openCase();
		String task = idOf(refer(caseNumber, educationUnit, "DEPARTMENT_ASSISTANCE", "请落实住房救助", 5));

		assertProblem(education.json("POST", "/api/v1/tasks/" + task + "/return", "{\"reason\": \"\"}"), 400,
				"casework.return-reason-required");
		Page returned = education.json("POST", "/api/v1/tasks/" + task + "/return",
				"{\"reason\": \"住房救助不属于教育部门职责\"}");
		assertThat(returned.body()).contains("\"status\":\"RETURNED\"").contains("\"returns\":1")
			.contains("\"owner\":\"" + reviewerName + "\"");
		assertProblem(education.json("POST", "/api/v1/tasks/" + task + "/completion", "{\"result\": \"办完\"}"), 409,
				"casework.illegal-task-transition");

		Page again = reviewer.json("POST", "/api/v1/tasks/" + task + "/referral", "{\"unitId\": \"" + housingUnit + "\"}");
		assertThat(again.body()).contains("\"status\":\"REFERRED\"").contains("共和县住房和城乡建设局");
		Page second = housing.json("POST", "/api/v1/tasks/" + task + "/return", "{\"reason\": \"请先由乡镇核实房屋受损情况\"}");

		assertThat(second.body()).contains("\"returns\":2").contains("不属于教育部门职责").contains("请先由乡镇核实");
	}

	@Test
	void letsOneOfTwoOfficersActingOnATaskAtOnceWin() throws Exception {
		String caseNumber = openCase();
		String task = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实就学情况", 3));
		Visitor colleague = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.List<java.util.concurrent.Callable<Page>> actions = java.util.List.of(
				() -> education.json("POST", "/api/v1/tasks/" + task + "/acceptance", ""),
				() -> colleague.json("POST", "/api/v1/tasks/" + task + "/acceptance", ""));

		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		for (var answer : pool.invokeAll(actions)) {
			statuses.add(answer.get().status());
		}
		pool.shutdown();

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		String timeline = reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body();
		assertThat(timeline.split("TASK_ACCEPTED", -1)).hasSize(2);
	}

	@Test
	void refusesReferralsOutsideTheCountyOrOfClosedCasesOrWithBadTimes() {
		String caseNumber = openCase();

		assertProblem(refer(caseNumber, java.util.UUID.randomUUID().toString(), "VERIFY", "核实", 3), 422,
				"casework.unit-not-a-target");
		assertProblem(refer(caseNumber, educationUnit, "VERIFY", "核实", 0), 400, "casework.task-due-out-of-range");
		assertProblem(refer(caseNumber, educationUnit, "VERIFY", " ", 3), 400, "casework.task-request-required");
		assertProblem(education.json("POST", "/api/v1/cases/" + caseNumber + "/tasks",
				"{\"unitId\": \"" + housingUnit + "\", \"kind\": \"VERIFY\", \"request\": \"核实\"}"), 403,
				"casework.out-of-scope");
		reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"WITHDRAWN\", \"note\": \"申请人撤回申请\"}");
		assertProblem(refer(caseNumber, educationUnit, "VERIFY", "核实", 3), 422, "casework.case-closed");
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/tasks").body()).isEqualTo("[]");
	}

	@Test
	void refersAndAnswersFromThePages() {
		String caseNumber = openCase();
		assertThat(reviewer.get("/cases/" + caseNumber).body()).contains("共和县教育局").contains("id=\"refer-task\"");

		Page referred = reviewer.post("/cases/" + caseNumber + "/tasks", Map.of("unitId", educationUnit, "kind",
				"DEPARTMENT_ASSISTANCE", "request", "请落实教育资助", "dueWorkingDays", "5"));
		assertThat(referred.status()).as(referred.body()).isEqualTo(302);
		String task = reviewer.get("/api/v1/cases/" + caseNumber + "/tasks")
			.body()
			.replaceAll("(?s)^\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");

		assertThat(education.get("/tasks").body()).contains(caseNumber);
		assertThat(education.get("/").body()).contains("转给本单位、待签收的任务");
		education.get("/tasks/" + task);
		Page emptyReason = education.post("/tasks/" + task + "/return", Map.of("reason", ""));
		assertThat(emptyReason.status()).isEqualTo(400);
		assertThat(emptyReason.body()).contains("id=\"problem\"").contains("退回须写明理由");
		assertThat(education.post("/tasks/" + task + "/acceptance", Map.of()).status()).isEqualTo(302);
		education.get("/tasks/" + task);
		assertThat(education.post("/tasks/" + task + "/completion", Map.of("result", "已发放教育资助 1000 元")).status())
			.isEqualTo(302);
		assertThat(reviewer.get("/cases/" + caseNumber).body()).contains("已办结").contains("已发放教育资助");
	}

	@Test
	void withdrawsEveryUnfinishedTaskWhenItsCaseEndsAndLeavesNoStepOwed() {
		String caseNumber = openCase();
		String waiting = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实就学情况", 3));
		String working = idOf(refer(caseNumber, housingUnit, "DEPARTMENT_ASSISTANCE", "评估危房改造", 5));
		housing.json("POST", "/api/v1/tasks/" + working + "/acceptance", "");
		String done = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实户籍", 3));
		education.json("POST", "/api/v1/tasks/" + done + "/acceptance", "");
		education.json("POST", "/api/v1/tasks/" + done + "/completion", "{\"result\": \"户籍属实\"}");
		reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");

		Page withdrawn = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"申请人已自行解决住房，撤回申请\"}");

		assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
		for (String task : new String[] { waiting, working }) {
			Visitor unit = task.equals(waiting) ? education : housing;
			assertThat(unit.get("/api/v1/tasks/" + task).body()).contains("\"status\":\"WITHDRAWN\"")
				.contains("\"withdrawalReason\":\"申请人已自行解决住房，撤回申请\"");
			assertProblem(unit.json("POST", "/api/v1/tasks/" + task + "/completion", "{\"result\": \"办完\"}"), 409,
					"casework.illegal-task-transition");
		}
		assertThat(education.get("/api/v1/tasks/" + done).body()).contains("\"status\":\"COMPLETED\"");
		assertThat(education.get("/tasks/" + waiting).body()).contains("申请人已自行解决住房，撤回申请");
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from supervision_step where case_number = :n and status = 'OPEN'")
			.param("n", caseNumber)
			.query(Long.class)
			.single()).as("no step owed on an ended case").isZero();
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body()).contains("TASK_WITHDRAWN");
	}

	private Page refer(String caseNumber, String unitId, String kind, String request, int days) {
		return reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks",
				"{\"unitId\": \"%s\", \"kind\": \"%s\", \"request\": \"%s\", \"dueWorkingDays\": %d}".formatted(unitId,
						kind, request, days));
	}

	private String openCase() {
		return CaseFixtures.acceptedCase(clerk, reviewer, IntakeTests.request("URGENT", "13909741234", "FIRE"));
	}

	private static String idOf(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return page.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

	private static java.time.Instant notedAt(Page task) {
		return java.time.Instant.parse(task.body().replaceAll("(?s).*\"resultNotedAt\":\"([^\"]+)\".*", "$1"))
			.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

}
