package org.jijinan.intake;

import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * A caller who asks to be called back (需要回电) is owed the call: by the hotline operator who took it, otherwise by
 * the township; it is a watched step, on the owner's home page and queue, and closes when the caller was reached or
 * after the attempts allowed. Bad input is refused with the reason beside the field, whoever may not record it is
 * neither offered the form nor allowed to, and nothing is recorded twice.
 */
@SystemTest
class CallBackTests {

	static final String VILLAGE = IntakeTests.DAOTANGHE_VILLAGE;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Opened operatorAccount;

	Visitor operator;

	Visitor reviewer;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		operatorAccount = staff.named("接线员卓玛", StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR);
		operator = StaffFixtures.signedIn(port, operatorAccount);
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
	}

	@Test
	void owesTheOperatorACallBackOnTheHomePageAndClosesItWhenTheCallerIsReached() {
		String number = call(operator, "NORMAL", "来电人格桑", true);
		assertThat(step(number)).containsExactly("OPEN", operatorAccount.username(), "township:632521101");
		assertThat(operator.get("/").body()).as("the home page's line, with the caller's name and urgency")
			.contains("href=\"/intake/requests/" + number + "\"")
			.contains("待回电")
			.contains("来电人格桑 · 一般 · ");
		assertThat(operator.get("/intake/queue").body()).contains("id=\"call-back-queue\"").contains("来电人格桑");
		assertThat(operator.get("/").body()).as("the menu offers the queue as call-backs")
			.contains("href=\"/intake/queue\"><span>待回电</span>");

		Page missed = record(operator, number, "NOT_REACHED", "无人接听");
		assertThat(missed.status()).as(missed.body()).isEqualTo(200);
		assertThat(missed.body()).contains("\"status\":\"OWED\"").contains("\"attempts\":[{\"outcome\":\"NOT_REACHED\"");
		assertThat(step(number).get(0)).as("an unanswered attempt keeps the step open").isEqualTo("OPEN");

		Page reached = record(operator, number, "REACHED", "已联系上，告知乡镇今日受理");
		assertThat(reached.body()).contains("\"status\":\"REACHED\"").contains("已联系上，告知乡镇今日受理");
		assertThat(step(number).get(0)).isEqualTo("DONE");
		assertThat(operator.get("/").body()).as("the line is gone").doesNotContain("/intake/requests/" + number + "\"");
		assertThat(operator.get("/intake/requests/" + number).body()).contains("id=\"call-back\"")
			.contains("已联系上，告知乡镇今日受理")
			.doesNotContain("id=\"call-back-form\"");
		assertProblem(record(operator, number, "REACHED", "再次记录"), 409, "intake.call-back-closed");
		assertThat(audited(number)).as("each attempt audited, the refused one not").isEqualTo(2);
	}

	@Test
	void closesACallBackAsNotReachedAfterTheAttemptsAllowed() {
		String number = call(operator, "URGENT", "来电人次仁", true);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(record(operator, number, "NOT_REACHED", "第" + attempt + "次拨打无人接听").status()).isEqualTo(200);
		}
		assertThat(jdbc.sql("select status from intake_call_back where request_number = :n")
			.param("n", number)
			.query(String.class)
			.single()).isEqualTo("UNREACHED");
		assertThat(step(number).get(0)).isEqualTo("DONE");
		assertThat(operator.get("/intake/requests/" + number).body()).contains("多次未能联系上，已结束");
		assertProblem(record(operator, number, "NOT_REACHED", "第四次"), 409, "intake.call-back-closed");
	}

	@Test
	void owesTheTownshipTheCallBackOfARequestFromAnotherChannel() {
		Visitor department = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER));
		String number = IntakeTests.numberOf(department.json("POST", "/api/v1/help-requests",
				body("WINDOW", "NORMAL", "学生家长", true)));
		String owner = step(number).get(1);
		assertThat(jdbc.sql("""
				select count(*) from identity_account a join identity_account_role r on r.account_id = a.id
				  join identity_unit u on u.id = a.unit_id
				 where a.username = :owner and r.role in ('WINDOW_CLERK', 'TOWNSHIP_REVIEWER', 'TOWNSHIP_APPROVER')
				   and u.division_path = '/630000/632500/632521/632521101/'""")
			.param("owner", owner)
			.query(Long.class)
			.single()).as("owed by the township's handling staff, not the department: " + owner).isEqualTo(1);
		assertThat(step(number).get(2)).isEqualTo("township:632521101");
		assertThat(reviewer.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"乡镇已回电\"}").status()).as("the township's staff record it")
			.isEqualTo(200);
	}

	@Test
	void refusesBadInputBesideTheFieldKeepingWhatWasTypedAndNeverFails() {
		String number = call(operator, "EMERGENCY", "来电人央金", true);
		operator.get("/intake/requests/" + number);
		Page noOutcome = operator.post("/intake/requests/" + number + "/call-backs", Map.of("note", "打了两次"));
		assertThat(noOutcome.status()).isEqualTo(400);
		assertThat(noOutcome.body()).contains("id=\"call-back-outcome-problem\"").contains("请选择回电结果")
			.contains(">打了两次</textarea>");
		Page noNote = operator.post("/intake/requests/" + number + "/call-backs", Map.of("outcome", "REACHED", "note", " "));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body()).contains("id=\"call-back-note-problem\"")
			.containsPattern("value=\"REACHED\"\\s+checked");
		Page tooLong = operator.post("/intake/requests/" + number + "/call-backs",
				Map.of("outcome", "NOT_REACHED", "note", "长".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("id=\"call-back-note-problem\"").contains("长".repeat(501));
		Page hostileOutcome = operator.post("/intake/requests/" + number + "/call-backs",
				Map.of("outcome", "<script>alert(1)</script>", "note", "<img src=x onerror=alert(1)>"));
		assertThat(hostileOutcome.status()).isEqualTo(400);
		assertThat(hostileOutcome.body()).contains("id=\"call-back-outcome-problem\"")
			.doesNotContain("<img src=x onerror=alert(1)>")
			.contains("&lt;img src=x onerror=alert(1)&gt;");

		assertProblem(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs", "{\"note\": \"无\"}"),
				400, "intake.call-back-outcome-required");
		assertThat(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"SOMETIMES\", \"note\": \"无人接听\"}").status()).isEqualTo(400);
		assertProblem(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"\"}"), 400, "intake.call-back-note-required");
		assertThat(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"" + "长".repeat(501) + "\"}").status()).isEqualTo(400);
		assertThat(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs", "[1, 2").status())
			.isEqualTo(400);
		assertProblem(operator.json("POST", "/api/v1/help-requests/JJN-2026/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}"), 400, "intake.number-malformed");
		assertThat(jdbc.sql("select count(*) from intake_call_back_attempt a join intake_call_back c on c.id = a.call_back_id"
				+ " where c.request_number = :n")
			.param("n", number)
			.query(Long.class)
			.single()).as("nothing recorded from refused input").isZero();

		Page hostileNote = operator.post("/intake/requests/" + number + "/call-backs",
				Map.of("outcome", "REACHED", "note", "<script>alert('x')</script>已回电"));
		assertThat(hostileNote.status()).isEqualTo(302);
		assertThat(operator.get("/intake/requests/" + number).body()).doesNotContain("<script>alert('x')")
			.contains("&lt;script&gt;");

		String noCallBack = call(operator, "NORMAL", "来电人多吉", false);
		assertThat(operator.get("/intake/requests/" + noCallBack).body()).doesNotContain("id=\"call-back\"");
		assertProblem(operator.json("POST", "/api/v1/help-requests/" + noCallBack + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}"), 422, "intake.call-back-not-wanted");
		operator.get("/intake/requests/" + noCallBack);
		Page notWanted = operator.post("/intake/requests/" + noCallBack + "/call-backs",
				Map.of("outcome", "REACHED", "note", "已回电"));
		assertThat(notWanted.status()).isEqualTo(422);
		assertThat(notWanted.body()).contains("该求助的来电人没有要求回电");
	}

	@Test
	void refusesAndDoesNotOfferTheFormToWhoeverMayNotRecord() {
		String number = call(operator, "NORMAL", "来电人拉毛", true);
		var staff = StaffFixtures.from(context);
		Visitor otherOperator = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));
		Visitor countyReviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		Visitor otherTownship = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));

		for (Visitor refused : java.util.List.of(otherOperator, countyReviewer)) {
			Page page = refused.get("/intake/requests/" + number);
			assertThat(page.body()).as("who owes it is shown, the form is not").contains("id=\"call-back-owner\"")
				.contains("接线员卓玛")
				.doesNotContain("id=\"call-back-form\"");
			assertProblem(refused.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
					"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}"), 403, "intake.call-back-not-allowed");
			assertThat(refused.post("/intake/requests/" + number + "/call-backs",
					Map.of("outcome", "REACHED", "note", "已回电")).status()).isEqualTo(403);
		}
		assertProblem(otherTownship.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}"), 403, "intake.out-of-scope");
		assertThat(reviewer.get("/intake/requests/" + number).body()).as("the township's staff may record it")
			.contains("id=\"call-back-form\"");
		assertThat(step(number).get(0)).as("nothing recorded by those refused").isEqualTo("OPEN");
		assertThat(record(reviewer, number, "REACHED", "乡镇已回电")).as("the township's staff may").satisfies(
				page -> assertThat(page.status()).as(page.body()).isEqualTo(200));
	}

	private String call(Visitor who, String urgency, String caller, boolean callBack) {
		Page received = who.json("POST", "/api/v1/help-requests", body("HOTLINE", urgency, caller, callBack));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return IntakeTests.numberOf(received);
	}

	private static String body(String channel, String urgency, String caller, boolean callBack) {
		return """
				{"channel": "%s", "urgency": "%s", "reporterName": "%s", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "139097%05d", "subjectName": "才让", "village": "%s",
				 "description": "来电称邻居家中失火", "causes": ["FIRE"], "callbackWanted": %s}"""
			.formatted(channel, urgency, caller, (int) (Math.random() * 100_000), VILLAGE, callBack);
	}

	private Page record(Visitor who, String number, String outcome, String note) {
		return who.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"%s\", \"note\": \"%s\"}".formatted(outcome, note));
	}

	/** The call-back's step: status, person responsible, unit. */
	private java.util.List<String> step(String number) {
		return jdbc
			.sql("select status, responsible, unit_key from supervision_step where kind = 'CALL_BACK' and subject_ref = :n")
			.param("n", number)
			.query((row, n) -> java.util.List.of(row.getString(1), row.getString(2), row.getString(3)))
			.single();
	}

	private long audited(String number) {
		return jdbc.sql("select count(*) from audit_record where subject_id = :n and action = 'intake.call-back-recorded'")
			.param("n", number)
			.query(Long.class)
			.single();
	}

}
