package org.jijinan.casework;

import java.util.List;

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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * A county that waits for the units ({@code jijinan.casework.open-tasks-on-close=REFUSE}): a case with an unfinished
 * referred task cannot end — not withdrawn, not transferred — and the refusal leaves everything as it was: the case,
 * the tasks and the steps the units owe. Once the units have finished their tasks the case ends, and nothing is
 * withdrawn on the way.
 */
@SystemTest
@TestPropertySource(properties = "jijinan.casework.open-tasks-on-close=REFUSE")
class OpenTasksRefuseClosingTests {

	private static final String NOTE = "申请人已自行解决住房，撤回申请";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Visitor clerk;

	Visitor reviewer;

	Visitor education;

	String educationUnit;

	Visitor housing;

	String housingUnit;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		var educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		educationUnit = educationAccount.unitId().value().toString();
		education = StaffFixtures.signedIn(port, educationAccount);
		var housingAccount = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		housingUnit = housingAccount.unitId().value().toString();
		housing = StaffFixtures.signedIn(port, housingAccount);
	}

	@Test
	void refusesToEndACaseWhileATaskIsOpenAndEndsItOnceTheUnitsHaveFinished() {
		String caseNumber = CaseFixtures.acceptedCase(clerk, reviewer,
				IntakeTests.request("URGENT", "13909745678", "FIRE"));
		String waiting = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实就学情况", 3));
		String working = idOf(refer(caseNumber, housingUnit, "DEPARTMENT_ASSISTANCE", "评估危房改造", 5));
		assertThat(housing.json("POST", "/api/v1/tasks/" + working + "/acceptance", "").status()).isEqualTo(200);
		String caseBefore = reviewer.get("/api/v1/cases/" + caseNumber).body();
		List<String> stepsBefore = openSteps(caseNumber);
		assertThat(stepsBefore).as("the units owe an acceptance and a completion")
			.anyMatch(step -> step.startsWith("TASK_ACCEPTANCE " + waiting))
			.anyMatch(step -> step.startsWith("TASK_COMPLETION " + working));

		Page withdrawal = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"" + NOTE + "\"}");
		Page transfer = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"TRANSFERRED\", \"note\": \"户籍在恰卜恰镇，移交属地办理\", \"jurisdiction\": \"632521100\"}");

		for (Page refused : List.of(withdrawal, transfer)) {
			assertProblem(refused, 422, "casework.tasks-open");
			assertThat(refused.body()).as("says how many tasks are open").contains("2 referred tasks are not finished");
		}
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber).body()).as("the case is as it was")
			.isEqualTo(caseBefore)
			.contains("\"status\":\"OPEN\"")
			.doesNotContain(NOTE);
		assertThat(education.get("/api/v1/tasks/" + waiting).body()).contains("\"status\":\"REFERRED\"")
			.doesNotContain("withdrawalReason");
		assertThat(housing.get("/api/v1/tasks/" + working).body()).contains("\"status\":\"ACCEPTED\"")
			.doesNotContain("withdrawalReason");
		assertThat(openSteps(caseNumber)).as("every step owed stays live, with its due time")
			.isEqualTo(stepsBefore);
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body()).doesNotContain("TASK_WITHDRAWN")
			.doesNotContain(NOTE);

		assertThat(education.json("POST", "/api/v1/tasks/" + waiting + "/acceptance", "").status()).isEqualTo(200);
		assertThat(education.json("POST", "/api/v1/tasks/" + waiting + "/completion",
				"{\"result\": \"已核实在校就读\"}").status()).isEqualTo(200);
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"" + NOTE + "\"}"), 422, "casework.tasks-open");
		assertThat(openSteps(caseNumber)).anyMatch(step -> step.startsWith("TASK_COMPLETION " + working));
		assertThat(housing.json("POST", "/api/v1/tasks/" + working + "/completion",
				"{\"result\": \"已纳入危房改造计划\"}").status()).isEqualTo(200);

		Page withdrawn = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"" + NOTE + "\"}");

		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
		assertThat(education.get("/api/v1/tasks/" + waiting).body()).contains("\"status\":\"COMPLETED\"")
			.doesNotContain("withdrawalReason");
		assertThat(housing.get("/api/v1/tasks/" + working).body()).contains("\"status\":\"COMPLETED\"")
			.doesNotContain("withdrawalReason");
		assertThat(openSteps(caseNumber)).as("no step owed on an ended case").isEmpty();
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body()).contains("TASK_COMPLETED")
			.doesNotContain("TASK_WITHDRAWN");
	}

	/**
	 * A task the unit gave back, and that nobody will refer again, would keep the case from ending for ever: whoever
	 * handles the case withdraws it with a reason, and only they may.
	 */
	@Test
	void letsTheHandlerWithdrawAReturnedTaskSoTheCaseCanEnd() {
		String caseNumber = CaseFixtures.acceptedCase(clerk, reviewer,
				IntakeTests.request("URGENT", "13909745679", "FIRE"));
		String returned = idOf(refer(caseNumber, educationUnit, "VERIFY", "核实就学情况", 3));
		assertThat(education.json("POST", "/api/v1/tasks/" + returned + "/return",
				"{\"reason\": \"家中无在校学生\"}").status()).isEqualTo(200);
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"" + NOTE + "\"}"), 422, "casework.tasks-open");

		assertProblem(education.json("POST", "/api/v1/tasks/" + returned + "/withdrawal",
				"{\"reason\": \"不再需要\"}"), 403, "casework.out-of-scope");
		assertProblem(clerk.json("POST", "/api/v1/tasks/" + returned + "/withdrawal",
				"{\"reason\": \"不再需要\"}"), 403, "casework.not-allowed");
		assertProblem(reviewer.json("POST", "/api/v1/tasks/" + returned + "/withdrawal", "{\"reason\": \" \"}"),
				400, "casework.withdrawal-reason-required");
		assertThat(education.get("/api/v1/tasks/" + returned).body()).contains("\"status\":\"RETURNED\"");
		assertThat(reviewer.get("/tasks/" + returned).body()).as("the task's page offers the handler a withdrawal")
			.contains("id=\"withdraw-task\"");
		assertThat(education.get("/tasks/" + returned).body()).as("and not the unit, who may not")
			.doesNotContain("id=\"withdraw-task\"");

		Page withdrawn = reviewer.json("POST", "/api/v1/tasks/" + returned + "/withdrawal",
				"{\"reason\": \"经核实无需教育部门协办\"}");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(education.get("/api/v1/tasks/" + returned).body()).as("the unit reads why")
			.contains("\"status\":\"WITHDRAWN\"")
			.contains("经核实无需教育部门协办");
		assertProblem(reviewer.json("POST", "/api/v1/tasks/" + returned + "/withdrawal",
				"{\"reason\": \"再次撤回\"}"), 409, "casework.illegal-task-transition");
		assertThat(openSteps(caseNumber)).as("nobody owes the withdrawn task anything")
			.noneMatch(step -> step.contains(returned));

		Page ended = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"" + NOTE + "\"}");
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
	}

	private Page refer(String caseNumber, String unitId, String kind, String request, int days) {
		return reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks",
				"{\"unitId\": \"%s\", \"kind\": \"%s\", \"request\": \"%s\", \"dueWorkingDays\": %d}".formatted(unitId,
						kind, request, days));
	}

	/** @return the steps still owed on the case: kind, subject, who answers for it and when it is due */
	private List<String> openSteps(String caseNumber) {
		return jdbc.sql("""
				select kind || ' ' || subject_ref || ' ' || responsible || ' ' || due_at from supervision_step
				 where case_number = :n and status = 'OPEN' order by 1""")
			.param("n", caseNumber)
			.query(String.class)
			.list();
	}

}
