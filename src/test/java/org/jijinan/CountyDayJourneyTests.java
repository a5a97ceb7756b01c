package org.jijinan;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.Visitor.Page;
import org.jijinan.audit.AuditAnchors;
import org.jijinan.audit.ChainVerification;
import org.jijinan.backup.Backups;
import org.jijinan.backup.KeyRotation;
import org.jijinan.backup.Manifest;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.region.TestVillages;
import org.jijinan.relief.InsurerReports;
import org.jijinan.relief.PaymentFixtures;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.KeyMaterial;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * A county day in one township (江西沟镇, used by no other test), through the public API and the public form only:
 * requests through every channel — the window, the hotline, a village reporter's field report, the public form and a
 * department's system and a warning raised from data, 62 in all — with duplicates and bad input; emergencies to aid at once, one to a man
 * registered provisionally who turns out to be in the registry already; an ordinary case through investigation,
 * referral, return and re-referral, a returned task withdrawn, decision, approval, a payment the bank refuses and its
 * re-issue; a hospital bill settled in one step; a case withdrawn with its tasks open; two callers who asked to be
 * called back, one reached by the hotline and one the township could not reach yet; a household nobody reported,
 * found from a hospital bill, checked by its village and accepted, and a disaster signal waiting for its check. At the end the platform's
 * promises must hold across the modules: every open step has an owner who may act and a due time; every call-back
 * owed is watched by one open step and no call-back step is left open without one; every warning raised from data
 * and still unchecked is owed by one open step; no open task without a live step; no payment ordered twice; every aid in its household's chain once and none left on a
 * superseded record; no complaint handled by the unit it is about, and every complaint owed an answer watched by one
 * step its handling unit may act on; the dashboard equals this day's own tally, and rebuilding it changes nothing;
 * what the county's staff did is in the county's own audit chain, and every chain verifies.
 */
@SystemTest
class CountyDayJourneyTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521106");

	static final String AREA = "/630000/632500/632521/632521106/";

	static final String VILLAGE = "632521106901";

	static final String OTHER_VILLAGE = "632521106902";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final Set<String> HANDLERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	/** What this day did, as the county would count it by hand. */
	private final Tally tally = new Tally();

	/** The day's budgets and time limits hold every later test of the county: they go with the day. */
	@org.junit.jupiter.api.AfterEach
	void forgetTheDaysBudgetsAndLimits() {
		jdbc.sql("delete from budget_override").update();
		jdbc.sql("delete from budget_entry").update();
		jdbc.sql("delete from budget").update();
		jdbc.sql("delete from timelimits_limit").update();
	}

	@Test
	void aCountyDayKeepsEveryPromiseAcrossTheModules() throws Exception {
		TestVillages.ensure(context, VILLAGE, "江西沟一村", OTHER_VILLAGE, "江西沟二村");
		var staff = StaffFixtures.from(context);
		Opened clerkAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		Opened firstReviewer = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor reviewer = StaffFixtures.signedIn(port, firstReviewer);
		Opened secondReviewer = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor colleague = StaffFixtures.signedIn(port, secondReviewer);
		Visitor approver = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor reporter = StaffFixtures.signedIn(port,
				staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER));
		Visitor hotline = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Opened educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		Visitor education = StaffFixtures.signedIn(port, educationAccount);
		Opened housingAccount = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		Visitor housing = StaffFixtures.signedIn(port, housingAccount);
		var department = PartnerFixtures.register(port, admin, "教育局学生资助系统",
				educationAccount.unitId().value().toString(), "help-requests:write");
		// Before the day: the county's budgets for the township, and the township's own acceptance limit.
		java.time.Instant dayStarts = java.time.Instant.now();
		int year = LocalDate.now(CHINA).getYear();
		for (String budget : List.of("TEMPORARY_ASSISTANCE\", \"amount\": 1000000", "RESERVE_TOP_UP\", \"amount\": 100000")) {
			assertThat(county.json("POST", "/api/v1/budgets", """
					{"township": "%s", "periodFrom": "%d-01-01", "periodTo": "%d-12-31", "scheme": "%s}"""
				.formatted(TOWNSHIP.value(), year, year, budget)).status()).isEqualTo(201);
		}
		assertThat(approver.json("POST", "/api/v1/time-limits", """
				{"limit": "ACCEPTANCE", "amount": 2, "appliesFrom": "%s"}""".formatted(LocalDate.now(CHINA)))
			.status()).isEqualTo(201);
		BigDecimal reserveBefore = balance(county);
		assertThat(county.json("POST", "/api/v1/reserve-funds/" + TOWNSHIP.value() + "/top-ups",
				"{\"amount\": 20000, \"reference\": \"JXG-" + System.nanoTime() + "\", \"note\": \"县民政局拨付备用金\"}")
			.status()).isEqualTo(200);
		long requestsBefore = requestsInArea();

		// Bad input through every door: refused with a 4xx, nothing stored.
		assertThat(clerk.json("POST", "/api/v1/help-requests", request("WINDOW", "EMERGENCY", "某", phone(), "123", "FIRE"))
			.status()).isEqualTo(400);
		assertThat(clerk.json("POST", "/api/v1/help-requests", request("WINDOW", "NORMAL", "某", phone(), VILLAGE, "")
			.replace("[\"\"]", "[]")).status()).isEqualTo(400);
		assertThat(clerk.json("POST", "/api/v1/help-requests", "{\"channel\": \"WINDOW\", ").status()).isEqualTo(400);
		assertThat(department.json("POST", "/api/v1/help-requests", request("WINDOW", "SOMETIMES", "某", phone(), VILLAGE,
				"FIRE")).status()).isEqualTo(400);
		assertProblem(clerk.json("POST", "/api/v1/persons", """
				{"name": "未来人", "phone": "%s", "residence": "%s", "birthDate": "2099-01-01"}""".formatted(phone(), VILLAGE)),
				422, "people.born-in-future");
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply");
		assertThat(applicant.post("/public/requests", Map.of("name", "某", "phone", phone(), "village", "6325211069",
				"description", "家里困难", "causes", "FIRE")).status()).isEqualTo(400);
		assertThat(requestsInArea()).as("nothing stored from refused input").isEqualTo(requestsBefore);

		// The window.
		String firePhone = phone();
		String fire = receive(clerk, "WINDOW", "EMERGENCY", "才让", firePhone, VILLAGE, "FIRE");
		Registered yangzong = registeredPerson(clerk, "央宗");
		String registered = yangzong.id();
		// 才让 is registered already; at the fire he will be registered provisionally, without his ID card.
		Registered cairang = registeredPerson(clerk, "才让");
		String medical = tally.received("WINDOW", IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "personId": "%s", "village": "%s", "description": "住院花费大，家中无力承担", "causes": ["MEDICAL_SPENDING"]}"""
			.formatted(phone(), registered, VILLAGE))));
		String ordinary = receive(clerk, "WINDOW", "NORMAL", "拉毛", phone(), OTHER_VILLAGE, "FIRE");
		// 多杰 is registered: when his case is withdrawn without aid, early warning hears of it once.
		Registered duojie = registeredPerson(clerk, "多杰", OTHER_VILLAGE);
		String toWithdraw = tally.received("WINDOW", IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "personId": "%s", "village": "%s", "description": "突发困难，需要帮助", "causes": ["FIRE"]}"""
			.formatted(phone(), duojie.id(), OTHER_VILLAGE))));
		// The hotline: a second call about the same person is a duplicate the township merges.
		String accidentPhone = phone();
		// The first caller asks to be called back: the operator on duty owes the call.
		String accident = tally.received("HOTLINE", IntakeTests.numberOf(hotline.json("POST", "/api/v1/help-requests",
				wantingCallBack(request("HOTLINE", "EMERGENCY", "扎西", accidentPhone, VILLAGE, "TRAFFIC_ACCIDENT")))));
		String secondCall = receive(hotline, "HOTLINE", "EMERGENCY", "扎西", accidentPhone, VILLAGE, "TRAFFIC_ACCIDENT");
		// A village reporter: one emergency, and a neighbour with the first caller's phone, kept apart with a reason.
		String collapse = receive(reporter, "FIELD_REPORT", "EMERGENCY", "索南", phone(), VILLAGE, "FIRE");
		String neighbour = receive(reporter, "FIELD_REPORT", "NORMAL", "旦增", firePhone, VILLAGE, "OTHER");
		// The public form, anonymous.
		String online = receiveOnline(applicant, "央金", VILLAGE);
		String notEligible = receiveOnline(new Visitor(port), "某人", OTHER_VILLAGE);
		// A department's system, whose caller wants a call-back: no operator took it, so the township owes it.
		String schooling = tally.received("WINDOW", IntakeTests.numberOf(department.json("POST", "/api/v1/help-requests",
				wantingCallBack(request("WINDOW", "NORMAL", "次仁", phone(), OTHER_VILLAGE, "OTHER")))));

		everyOpenStepHasAnOwnerWhoMayActAndADueTime();
		everyCallBackOwedIsWatchedOnce(2);

		// The call-backs: the operator reaches the first caller; the township cannot reach the department's yet.
		assertThat(hotline.json("POST", "/api/v1/help-requests/" + accident + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已告知乡镇正在核实，稍后先行救助\"}").status()).isEqualTo(200);
		assertThat(clerk.json("POST", "/api/v1/help-requests/" + schooling + "/call-backs",
				"{\"outcome\": \"NOT_REACHED\", \"note\": \"电话无人接听\"}").status()).isEqualTo(200);
		assertProblem(reporter.json("POST", "/api/v1/help-requests/" + schooling + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}"), 403, "intake.out-of-scope");
		everyCallBackOwedIsWatchedOnce(1);

		// The township decides every request; possible duplicates first.
		assertProblem(clerk.json("POST", "/api/v1/help-requests/" + secondCall + "/acceptance", ""), 422,
				"intake.possible-duplicate-unresolved");
		assertThat(clerk.json("POST", "/api/v1/help-requests/" + secondCall + "/merger", "{\"into\": \"" + accident + "\"}")
			.status()).isEqualTo(200);
		assertThat(clerk.json("POST", "/api/v1/help-requests/" + neighbour + "/distinction",
				"{\"reason\": \"同一电话是村委会的，当事人是另一户\"}").status()).isEqualTo(200);
		assertProblem(reporter.json("POST", "/api/v1/help-requests/" + collapse + "/acceptance", ""), 403,
				"intake.decision-not-allowed");
		assertThat(clerk.json("POST", "/api/v1/help-requests/" + notEligible + "/refusal",
				"{\"reason\": \"经核实已由子女赡养，不符合临时救助条件\"}").status()).isEqualTo(200);
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		for (String number : List.of(fire, medical, ordinary, toWithdraw, accident, collapse, neighbour, online,
				schooling)) {
			Page accepted = clerk.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
			assertThat(accepted.body()).as("the acceptance names its case").contains("\"caseNumber\":\"JJC-");
			cases.put(number, accepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1"));
		}
		assertThat(reviewer.get("/api/v1/cases/" + cases.get(ordinary)).body())
			.as("the clerk accepted, but a reviewer owns the case").doesNotContain(clerkAccount.username());
		everyOpenStepHasAnOwnerWhoMayActAndADueTime();

		// Emergencies: aid at once, whoever the person turns out to be.
		List<String> grants = new ArrayList<>();
		for (String number : List.of(fire, accident, collapse)) {
			Page granted = reviewer.json("POST", "/api/v1/cases/" + cases.get(number) + "/emergency-aid", """
					{"cause": "%s", "amount": 1000, "goods": "棉被 2 床", "situation": "当天核实，生活无着"}"""
				.formatted(number.equals(accident) ? "TRAFFIC_ACCIDENT" : "FIRE"));
			assertThat(granted.status()).as(granted.body()).isEqualTo(201);
			grants.add(idOf(granted));
			tally.aided(cases.get(number));
		}
		assertProblem(reviewer.json("POST", "/api/v1/emergency-aid/" + grants.get(0) + "/paperwork",
				"{\"note\": \"已补签领款收据和审批表\"}"), 422, "relief.case-not-linked");
		String provisional = CaseFixtures.linkedToNewPerson(reviewer, cases.get(fire));
		assertThat(reviewer.json("POST", "/api/v1/emergency-aid/" + grants.get(0) + "/paperwork",
				"{\"note\": \"已补签领款收据和审批表\"}").status()).isEqualTo(200);
		// He brings his ID card: the provisional record was 才让, registered already; the case and its aid follow him.
		Page identified = clerk.json("POST", "/api/v1/persons/" + provisional + "/identification",
				"{\"idNumber\": \"%s\"}".formatted(cairang.idNumber()));
		assertThat(identified.status()).as(identified.body()).isEqualTo(200);
		assertThat(reviewer.get("/api/v1/cases/" + cases.get(fire)).body())
			.contains("\"personId\":\"" + cairang.id() + "\"");

		// The ordinary case: investigation, referral, return and re-referral, decision, approval, payment.
		String caseNumber = cases.get(medical);
		assertThat(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);
		CaseFixtures.confirmedVisit(reviewer, colleague, secondReviewer, caseNumber);
		String task = idOf(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks", """
				{"unitId": "%s", "kind": "DEPARTMENT_ASSISTANCE", "request": "请核实住房受损情况", "dueWorkingDays": 5}"""
			.formatted(educationAccount.unitId().value())));
		tally.referred("education");
		assertThat(education.json("POST", "/api/v1/tasks/" + task + "/return", "{\"reason\": \"住房不属教育部门职责\"}")
			.status()).isEqualTo(200);
		tally.returned("education");
		assertThat(reviewer.json("POST", "/api/v1/tasks/" + task + "/referral",
				"{\"unitId\": \"" + housingAccount.unitId().value() + "\"}").status()).isEqualTo(200);
		tally.referred("housing");
		assertThat(housing.json("POST", "/api/v1/tasks/" + task + "/acceptance", "").status()).isEqualTo(200);
		assertThat(housing.json("POST", "/api/v1/tasks/" + task + "/completion", "{\"result\": \"已纳入危房改造\"}")
			.status()).isEqualTo(200);
		tally.completed("housing");
		// The township reads what housing did before it carries on: until then the task waits on its home page.
		assertThat(reviewer.get("/").body()).as("a finished referral waits for its referrer")
			.containsPattern("<span>其他单位已办结、待您阅看结果的任务</span>\\s*<span class=\"count\">1</span>");
		assertThat(reviewer.json("POST", "/api/v1/tasks/" + task + "/result-noted", "").status()).isEqualTo(200);
		assertThat(reviewer.get("/").body()).as("a result read waits no more")
			.doesNotContain("其他单位已办结、待您阅看结果的任务");
		// A check asked of education comes back as not theirs; nobody will refer it again, so the handler withdraws it.
		String notNeeded = idOf(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks", """
				{"unitId": "%s", "kind": "VERIFY", "request": "核实子女就学情况", "dueWorkingDays": 3}"""
			.formatted(educationAccount.unitId().value())));
		tally.referred("education");
		assertThat(education.json("POST", "/api/v1/tasks/" + notNeeded + "/return", "{\"reason\": \"家中无在校学生\"}")
			.status()).isEqualTo(200);
		tally.returned("education");
		assertThat(reviewer.json("POST", "/api/v1/tasks/" + notNeeded + "/withdrawal",
				"{\"reason\": \"经核实无需教育部门协办\"}").status()).isEqualTo(200);
		Page proposed = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "MEDICAL_SPENDING", "band": "一档", "persons": 2, "urban": false, "cashAmount": 1200,
				 "payeeName": "央宗", "payeeAccount": "6228480086011112222", "payeeBank": "中国农业银行共和县支行"}""");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = idOf(proposed);
		assertThat(colleague.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		Page approved = approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		tally.aided(caseNumber);
		assertProblem(approver.json("POST", "/api/v1/decisions/" + decision + "/approval", ""), 409,
				"relief.illegal-transition");
		Page batch = approver.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		String batchId = idOf(batch);
		String order = approver.get("/api/v1/decisions/" + decision + "/payment-orders")
			.body()
			.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		// The bank refuses the first transfer (the account was closed); the payment goes out again to a new account.
		Page failedResult = PaymentFixtures.bankResults(approver, batchId,
				"order,result,bank_reference,reason\n" + order + ",FAILED,,账户已销户\n");
		assertThat(failedResult.status()).as(failedResult.body()).isEqualTo(200);
		Page reissued = approver.json("POST", "/api/v1/payment-orders/" + order + "/reissue",
				"{\"payeeAccount\": \"6228480086019998888\", \"payeeBank\": \"中国农业银行共和县支行\"}");
		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		assertProblem(approver.json("POST", "/api/v1/payment-orders/" + order + "/reissue",
				"{\"payeeAccount\": \"6228480086019998888\", \"payeeBank\": \"中国农业银行共和县支行\"}"), 409,
				"relief.order-live");
		String again = idOf(reissued);
		Page secondBatch = approver.json("POST", "/api/v1/payment-batches", "");
		assertThat(secondBatch.status()).as(secondBatch.body()).isEqualTo(201);
		String results = "order,result,bank_reference,reason\n" + again + ",PAID,B" + System.nanoTime() + ",\n";
		assertThat(PaymentFixtures.bankResults(approver, idOf(secondBatch), results).status()).isEqualTo(200);
		assertThat(PaymentFixtures.bankResults(approver, idOf(secondBatch), results).body()).as("the same file twice pays once")
			.contains("\"repeated\":true");
		assertThat(approver.get("/api/v1/decisions/" + decision + "/payment-orders").body())
			.as("one paid order for the decision, the failed one kept").contains("\"status\":\"PAID\"");
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber).body()).contains("\"status\":\"DELIVERING\"");
		assertThat(reviewer.get("/api/v1/cases/" + caseNumber + "/timeline").body())
			.as("the timeline says what reached the family and who visited, by name, never identifiers or logins")
			.containsPattern("救助金 1200\\.00 元已入账（支付指令 ZF-[0-9]{4}-[0-9]{6}，支付批次 ")
			.doesNotContain(order)
			.doesNotContain("\"detail\":\"" + secondReviewer.username())
			.doesNotContain("、" + secondReviewer.username());

		// A case withdrawn while its referrals are open: nothing stays owed.
		String withdrawn = cases.get(toWithdraw);
		reviewer.json("POST", "/api/v1/cases/" + withdrawn + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		String waiting = idOf(reviewer.json("POST", "/api/v1/cases/" + withdrawn + "/tasks", """
				{"unitId": "%s", "kind": "VERIFY", "request": "核实就学情况", "dueWorkingDays": 3}"""
			.formatted(educationAccount.unitId().value())));
		tally.referred("education");
		String working = idOf(reviewer.json("POST", "/api/v1/cases/" + withdrawn + "/tasks", """
				{"unitId": "%s", "kind": "DEPARTMENT_ASSISTANCE", "request": "评估房屋", "dueWorkingDays": 5}"""
			.formatted(housingAccount.unitId().value())));
		tally.referred("housing");
		housing.json("POST", "/api/v1/tasks/" + working + "/acceptance", "");
		assertThat(reviewer.json("POST", "/api/v1/cases/" + withdrawn + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"申请人已外出务工，自愿撤回\"}").status()).isEqualTo(200);
		assertThat(education.get("/api/v1/tasks/" + waiting).body()).contains("\"status\":\"WITHDRAWN\"");

		// A hand-over, so the ownership rule is seen to hold after it too.
		String onlineCase = cases.get(online);
		String successor = reviewer.get("/api/v1/cases/" + onlineCase).body().contains(firstReviewer.username())
				? secondReviewer.username() : firstReviewer.username();
		Page handedOver = reviewer.json("POST", "/api/v1/cases/" + onlineCase + "/handover", """
				{"to": "%s", "reason": "按片区分工调整"}""".formatted(successor));
		assertThat(handedOver.body()).contains("\"handler\":\"" + successor + "\"");

		// The hospital settles 央宗's stay in one step; her household holds the minimum living allowance.
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(registered)));
		assertThat(reviewer.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "共民〔2024〕12号",
				 "validFrom": "2024-01-01"}""".formatted(household)).status()).isEqualTo(201);
		Visitor hospital = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital, """
				{"idNumber": "%s", "patientName": "央宗", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "SECONDARY", "admissionNumber": "ZY-JXG-%d", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": 30000.00, "outOfPolicy": 2000.00, "total": 32000.00, "patientClass": ""}"""
			.formatted(yangzong.idNumber(), System.nanoTime() % 1_000_000, LocalDate.now(CHINA).minusDays(10),
					LocalDate.now(CHINA).minusDays(1))));
		assertThat(settled.status()).as(settled.body()).isEqualTo(201);
		assertThat(new BigDecimal(settled.body().replaceAll("(?s).*\"assistance\":([0-9.]+).*", "$1")))
			.as("medical assistance paid at the window").isPositive();

		// Found from data: nobody reported 多吉, but his own share of a hospital bill is ruinous. The village's reporter
		// checks the warning, finds the need, and the township accepts the request it opened. A disaster's damage to a
		// household of the village without a reporter is owed a check by the township's staff and waits.
		Registered dorje = registeredPerson(clerk, "多吉");
		Page ruinous = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(dorje, "多吉", "160000.00", "40000.00", "200000.00", 12, 2)));
		assertThat(ruinous.status()).as(ruinous.body()).isEqualTo(201);
		String warning = reporter.get("/api/v1/monitoring-warnings").body().replaceAll("(?s).*\"number\":\"(YJ[0-9-]+)\".*",
				"$1");
		Page checked = reporter.json("POST", "/api/v1/monitoring-warnings/" + warning + "/checks", """
				{"method": "VISIT", "checkedOn": "%s", "findings": "出院后无力负担后续治疗，家中无其他收入",
				 "outcome": "NEEDS_HELP"}""".formatted(LocalDate.now(CHINA)));
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		String foundByData = tally.received("DATA_WARNING",
				checked.body().replaceAll("(?s).*\"requestNumber\":\"([^\"]+)\".*", "$1"));
		assertThat(reviewer.json("POST", "/api/v1/help-requests/" + foundByData + "/acceptance", "").status())
			.isEqualTo(200);
		// A bill uploaded twice by mistake is reversed: the warning it alone raised is withdrawn before anyone goes out.
		Registered tsering = registeredPerson(clerk, "次仁");
		Page mistaken = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(tsering, "次仁", "150000.00", "30000.00", "180000.00", 9, 3)));
		assertThat(mistaken.status()).as(mistaken.body()).isEqualTo(201);
		assertThat(hospital.json("POST", "/api/v1/medical-settlements/" + idOf(mistaken) + "/reversal",
				"{\"reason\": \"医院重复上传，冲正\"}").status()).isEqualTo(200);
		String emergencyUnit = staff.active(StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT,
				Role.DEPARTMENT_OFFICER).unitId().value().toString();
		var emergencyOffice = PartnerFixtures.register(port, admin, "应急管理局灾情系统", emergencyUnit, "signals:write");
		Registered flooded = registeredPerson(clerk, "拉毛", OTHER_VILLAGE);
		assertThat(admin.json("PUT", "/api/v1/monitoring-sources/" + emergencyUnit, """
				{"kinds": ["DISASTER_DAMAGE"], "agreement": "共民〔2026〕11号"}""").status()).isEqualTo(200);
		assertThat(emergencyOffice.json("POST", "/api/v1/monitoring-signals", flood(flooded, "9000")).status())
			.isEqualTo(201);

		// The rest of the day's requests through three doors: most refused with a reason, some still waiting.
		List<Visitor> doors = List.of(clerk, hotline, reporter);
		List<String> channels = List.of("WINDOW", "HOTLINE", "FIELD_REPORT");
		for (int i = 0; i < 50; i++) {
			String number = receive(doors.get(i % 3), channels.get(i % 3), i % 7 == 0 ? "URGENT" : "NORMAL",
					"村民" + i, uniquePhone(), i % 2 == 0 ? VILLAGE : OTHER_VILLAGE, i % 5 == 0 ? "OTHER" : "FIRE");
			if (i % 7 != 0) {
				Page refused = clerk.json("POST", "/api/v1/help-requests/" + number + "/refusal",
						"{\"reason\": \"经入户核实，家庭收入高于当地低保标准\"}");
				assertThat(refused.status()).as(refused.body()).isEqualTo(200);
			}
		}
		assertThat(tally.requests()).as("a county day's 62 requests").isEqualTo(62);

		// A caller complains to the hotline that the township's window was rude; the county bureau signs for it,
		// finds it true and holds the township responsible. The township never sees it; a repeat is merged.
		String complaintJson = """
				{"kind": "CONDUCT_RUDE", "subjectUnit": "%s", "text": "乡政府窗口工作人员态度恶劣，把我赶了出来",
				 "phone": "%s", "channel": "HOTLINE"}""".formatted(clerkAccount.unitId().value(), uniquePhone());
		Page complained = hotline.json("POST", "/api/v1/complaints", complaintJson);
		assertThat(complained.status()).as(complained.body()).isEqualTo(201);
		String complaint = tally.complained(complained.body().replaceAll("(?s).*\"number\":\"(TS-[0-9-]+)\".*", "$1"));
		assertThat(hotline.json("POST", "/api/v1/complaints", complaintJson).status()).as("merged, not multiplied")
			.isEqualTo(200);
		assertThat(clerk.get("/api/v1/complaints/" + complaint).status()).isEqualTo(404);
		assertThat(county.json("POST", "/api/v1/complaints/" + complaint + "/acknowledgement", "").status())
			.isEqualTo(200);
		Page answeredComplaint = county.json("POST", "/api/v1/complaints/" + complaint + "/answer", """
				{"investigation": "调看窗口录像，询问当事人", "finding": "FOUNDED", "answer": "情况属实，已对窗口人员批评教育。",
				 "accountable": true, "person": "窗口工作人员"}""");
		assertThat(answeredComplaint.status()).as(answeredComplaint.body()).isEqualTo(200);
		tally.founded();

		everyOpenStepHasAnOwnerWhoMayActAndADueTime();
		everyWarningAwaitingACheckIsOwedByOneOpenStep(1);
		noWarningStandsOnAReversedBill();
		everyRequestFoundByDataCameFromOneWarning();
		aCaseEndedWithoutAidIsOneSignal(cases.values(), withdrawn);
		everyCallBackOwedIsWatchedOnce(1);
		everyCaseStillOpenIsHandledBySomeoneWhoMayAct();
		everyAcceptedRequestIsInExactlyOneCase();
		noOpenTaskWithoutALiveStep();
		noPaymentOrderedTwice();
		everyAidIsInItsHouseholdsChainOnce();
		everyApplicantIsToldOnceWhatHappened();
		everyComplaintIsHandledAwayFromTheUnitComplainedAboutByWhoMayAct();
		assertThat(balance(county)).as("the reserve's ledger: one top-up of 20,000 less three grants of 1,000")
			.isEqualByComparingTo(reserveBefore.add(new BigDecimal("17000")));
		theBudgetsHoldWhatTheDayApprovedPaidAndToppedUp(county, dayStarts);
		everyRequestOfTheDayTakesTheTownshipsOwnLimit(dayStarts);
		theDashboardEqualsTheDaysTally(admin, county);
		theWorkbenchShowsWhatWaits(clerk);
		theReporterSeesWhatBecameOfHisReports(reporter, collapse, neighbour);
		everyRecordOfTheCountysStaffIsInTheCountysAuditChain(dayStarts);
		theCountysChainIsAnchoredAtNight();
		theNightsBackupHoldsTheDay(admin);
		theKeyRotatedAtNightLeavesEveryRecordReadable(admin);
		theClerkWhoLeavesLosesSessionAndScriptAtOnce(admin, clerkAccount);
	}

	/**
	 * The anchoring run writes the county chain's head into the platform's chain: the whole day is then under an
	 * anchor, and the verifier checks both the chains and the anchors.
	 */
	private void theCountysChainIsAnchoredAtNight() {
		AuditAnchors.now(context);
		assertThat(jdbc.sql("select anchored_sequence = sequence from audit_chain where chain = '632521'")
			.query(Boolean.class)
			.single()).as("the county chain's head is anchored").isTrue();
		assertThat(context.getBean(ChainVerification.class).verify().intact()).as("the audit chains after the day")
			.isTrue();
	}

	/**
	 * The window clerk leaves the township's service at the end of the day: the administrator stops the account, and
	 * the clerk's open session and the token of the script the clerk ran end on their very next request.
	 */
	private void theClerkWhoLeavesLosesSessionAndScriptAtOnce(Visitor admin, Opened clerkAccount) {
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		assertThat(clerk.get("/cases").status()).isEqualTo(200);
		String token = StaffFixtures.personalToken(clerk, 30, "WINDOW_CLERK");
		Visitor script = new Visitor(port);
		var me = java.net.http.HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization", "Bearer " + token);
		assertThat(script.send(me).status()).as("the script's token, now kept by the node").isEqualTo(200);
		assertThat(admin.json("POST", "/api/v1/accounts/" + clerkAccount.id().value() + "/disabling", "{}").status())
			.isEqualTo(200);
		assertThat(script.send(me).status()).as("the stopped clerk's token").isEqualTo(401);
		assertThat(clerk.get("/cases").redirectsTo("/login")).as("the stopped clerk's session").isTrue();
	}

	/**
	 * After the backup the administrator rotates the master key and retires the old one: every ID number, phone and
	 * bank account the day sealed, in every module, still opens, none is left under the old key, and the audit chain
	 * verifies across both keys.
	 */
	private void theKeyRotatedAtNightLeavesEveryRecordReadable(Visitor admin) {
		KeyRing keys = context.getBean(KeyRing.class);
		Sealer sealer = context.getBean(Sealer.class);
		int before = keys.current();
		assertThat(admin.post("/admin/keys/rotate", Map.of()).redirectsTo("/admin/keys")).isTrue();
		await().atMost(Duration.ofSeconds(60)).until(() -> context.getBean(KeyRotation.class).state().retirable());
		assertThat(admin.post("/admin/keys/retire", Map.of()).redirectsTo("/admin/keys")).isTrue();
		assertThat(keys.keys().masters().keySet()).containsExactly(before + 1);
		long opened = 0;
		for (SealedColumns owner : context.getBeansOfType(SealedColumns.class).values()) {
			for (SealedColumns.Column column : owner.sealedColumns()) {
				for (String sealed : jdbc.sql("select " + column.column() + " from " + column.table() + " where "
						+ column.column() + " is not null").query(String.class).list()) {
					assertThat(sealed).as(column.table() + "." + column.column()).startsWith(Sealer.prefix(before + 1));
					assertThat(sealer.open(sealed, column.purpose())).isNotBlank();
					opened++;
				}
			}
		}
		assertThat(opened).as("the day sealed phones, ID numbers and accounts").isGreaterThan(10);
		assertThat(context.getBean(ChainVerification.class).verify().intact()).as("the audit chain across both keys")
			.isTrue();
	}

	/**
	 * The administrator backs up at the end of the day: the backup holds, in one snapshot, exactly the rows every module
	 * holds now, and the passphrase opens it.
	 */
	private void theNightsBackupHoldsTheDay(Visitor admin) throws Exception {
		Path folder = Path.of(context.getEnvironment().getRequiredProperty("jijinan.backup.folder"));
		long before = jdbc.sql("select count(*) from backup_run where succeeded").query(Long.class).single();
		assertThat(admin.post("/admin/backups", Map.of()).redirectsTo("/admin/backups")).isTrue();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("select count(*) from backup_run").query(Long.class).single() > before);
		String newest = jdbc.sql("select folder from backup_run where succeeded order by finished_at desc limit 1")
			.query(String.class)
			.single();
		Manifest manifest = Backups.check(folder.resolve(newest));
		KeyMaterial sealedKeys = KeyMaterial
			.parse(Backups.openKey(manifest, "test-backup-passphrase-kept-elsewhere".toCharArray()));
		assertThat(sealedKeys.masters()).as("the backup holds the key its rows are sealed with")
			.containsKey(context.getBean(KeyRing.class).current());
		for (String table : List.of("intake_help_request", "casework_case", "casework_task", "supervision_step",
				"relief_decision", "relief_emergency_grant", "relief_payment_order", "relief_settlement",
				"notify_applicant_milestone")) {
			long live = jdbc.sql("select count(*) from " + table).query(Long.class).single();
			assertThat(manifest.tables()).as(table)
				.filteredOn(content -> content.table().equals(table))
				.extracting(Manifest.TableContent::rows)
				.containsExactly(live);
		}
	}

	private static BigDecimal balance(Visitor county) {
		return new BigDecimal(county.get("/api/v1/reserve-funds/" + TOWNSHIP.value())
			.body()
			.replaceAll("(?s).*\"balance\":([0-9.]+).*", "$1"));
	}

	/**
	 * No complaint is handled, now or before, by the unit it is about; every complaint still owed an answer is
	 * watched by one open step owed by someone of its handling unit who may answer it (or by the unit, when it has
	 * nobody yet); the day's founded complaint left one accountability record against the township.
	 */
	private void everyComplaintIsHandledAwayFromTheUnitComplainedAboutByWhoMayAct() {
		assertThat(jdbc.sql("""
				select count(*) from complaints_complaint
				 where subject_unit_id is not null
				   and (handler_unit_id = subject_unit_id or subject_unit_id = any(earlier_handlers))""")
			.query(Long.class)
			.single()).as("complaints handled by the unit they are about").isZero();
		List<String> failures = new ArrayList<>();
		jdbc.sql("""
				select c.number, c.handler_kind, count(s.id), min(s.responsible), min(s.unit_key),
				       'unit:' || c.handler_unit_id
				  from complaints_complaint c
				  left join supervision_step s on s.subject_ref = c.number and s.kind = 'COMPLAINT_ANSWER'
				                              and s.status = 'OPEN'
				 where c.status in ('RECEIVED', 'ACKNOWLEDGED', 'ESCALATED')
				 group by c.number, c.handler_kind, c.handler_unit_id""")
			.query((row, n) -> {
				String responsible = row.getString(4);
				Set<String> roles = "SUPERVISION_OFFICE".equals(row.getString(2)) ? Set.of("SUPERVISOR", "LEADER")
						: Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER");
				boolean may = responsible != null && (responsible.isEmpty() || holds(responsible, roles, null));
				if (row.getLong(3) != 1 || !may || !row.getString(6).equals(row.getString(5))) {
					failures.add(row.getString(1) + " watched by " + row.getLong(3) + " steps owned by " + responsible);
				}
				return "";
			})
			.list();
		assertThat(failures).as("owed complaints without one step its handling unit may act on").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from supervision_accountability a join complaints_complaint c on c.number = a.complaint_number
				 where c.number in (:numbers) and a.unit_key = 'unit:' || c.subject_unit_id""")
			.param("numbers", tally.complaints())
			.query(Long.class)
			.single()).as("the founded complaint's accountability record").isEqualTo(tally.foundedComplaints());
	}

	private void everyCaseStillOpenIsHandledBySomeoneWhoMayAct() {
		List<String> cases = jdbc.sql("""
				select number || ' handled by ' || handler from casework_case
				 where township_path = :area and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')""")
			.param("area", AREA)
			.query(String.class)
			.list();
		assertThat(cases).as("ten cases, one withdrawn").hasSize(9);
		assertThat(cases).as("cases whose handler cannot act")
			.allSatisfy(line -> assertThat(holds(line.substring(line.indexOf(" handled by ") + 12), HANDLERS, null))
				.as(line)
				.isTrue());
	}

	/**
	 * What the county's staff did today is in the county's own audit chain (so its writes never waited for another
	 * county's), and the day wrote records there. Signing in comes before acting for a unit: those records are the
	 * platform's.
	 */
	private void everyRecordOfTheCountysStaffIsInTheCountysAuditChain(java.time.Instant dayStarts) {
		Map<String, Object> chains = jdbc.sql("""
				select count(*) filter (where r.chain = '632521') as own from audit_record r join identity_account a on a.username = r.actor
				  join identity_unit u on u.id = a.unit_id
				 where r.occurred_at >= :since and u.division_path like '/630000/632500/632521/%'""")
			.param("since", java.sql.Timestamp.from(dayStarts))
			.query()
			.singleRow();
		assertThat(((Number) chains.get("own")).longValue()).as("the county staff's records today").isPositive();
		assertThat(jdbc.sql("""
				select r.action || ' by ' || r.actor || ' in ' || r.chain from audit_record r
				  join identity_account a on a.username = r.actor join identity_unit u on u.id = a.unit_id
				 where r.occurred_at >= :since and u.division_path like '/630000/632500/632521/%' and r.chain <> '632521'
				   and r.action not like 'identity.sign-in.%'""")
			.param("since", java.sql.Timestamp.from(dayStarts))
			.query(String.class)
			.list()).as("county staff's records in another chain").isEmpty();
	}

	private void everyAcceptedRequestIsInExactlyOneCase() {
		assertThat(jdbc.sql("""
				select r.number from intake_help_request r
				 where r.township_path = :area and r.status = 'ACCEPTED'
				   and (select count(*) from casework_case_request c where c.request_number = r.number) <> 1""")
			.param("area", AREA)
			.query(String.class)
			.list()).as("accepted requests in no case or in several").isEmpty();
	}

	/**
	 * Every cash decision approved during the day committed its cash to the township's budget once, and nothing else
	 * did; what the bank paid moved to spent; the reserve's top-up was spent from its budget; the budget page shows
	 * the same figures.
	 */
	private void theBudgetsHoldWhatTheDayApprovedPaidAndToppedUp(Visitor county, java.time.Instant dayStarts) {
		List<String> miscommitted = jdbc.sql("""
				select d.id::text from relief_decision d
				 where d.township_path = :area and d.status = 'APPROVED' and d.cash_amount > 0 and d.decided_at >= :since
				   and (select coalesce(sum(e.amount), 0) from budget_entry e
				         where e.reference = 'decision:' || d.id and e.kind = 'COMMITTED') <> d.cash_amount""")
			.param("area", AREA)
			.param("since", java.sql.Timestamp.from(dayStarts))
			.query(String.class)
			.list();
		assertThat(miscommitted).as("approved decisions whose cash was not committed exactly once").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from budget_entry e join budget b on b.id = e.budget_id
				 where b.township = :township and e.kind = 'COMMITTED'""")
			.param("township", TOWNSHIP.value())
			.query(Long.class)
			.single()).as("the day's approvals committed").isPositive();
		assertThat(jdbc.sql("""
				select count(*) from budget_entry e join budget b on b.id = e.budget_id
				 where b.township = :township and e.kind = 'COMMITTED' and not exists (select 1 from relief_decision d
				        where 'decision:' || d.id = e.reference and d.status = 'APPROVED')""")
			.param("township", TOWNSHIP.value())
			.query(Long.class)
			.single()).as("commitments without an approved decision").isZero();
		BigDecimal paid = jdbc.sql("""
				select coalesce(sum(o.amount), 0) from relief_payment_order o join relief_decision d on d.id = o.decision_id
				 where d.township_path = :area and d.decided_at >= :since and o.status = 'PAID'""")
			.param("area", AREA)
			.param("since", java.sql.Timestamp.from(dayStarts))
			.query(BigDecimal.class)
			.single();
		Map<String, Object> temporary = jdbc.sql("""
				select coalesce(sum(e.amount) filter (where e.kind = 'PAID'), 0) as paid,
				       coalesce(sum(e.amount) filter (where e.kind = 'COMMITTED'), 0)
				       - coalesce(sum(e.amount) filter (where e.kind in ('PAID', 'RELEASED')), 0) as committed,
				       coalesce(sum(e.amount) filter (where e.kind in ('PAID', 'SPENT')), 0)
				       - coalesce(sum(e.amount) filter (where e.kind = 'RETURNED'), 0) as spent
				  from budget b left join budget_entry e on e.budget_id = b.id
				 where b.township = :township and b.scheme = 'TEMPORARY_ASSISTANCE'""")
			.param("township", TOWNSHIP.value())
			.query()
			.singleRow();
		assertThat((BigDecimal) temporary.get("paid")).as("what the bank paid is what the budget spent")
			.isEqualByComparingTo(paid);
		String page = county.get("/api/v1/budgets").body();
		assertThat(page).contains("\"committed\":" + ((BigDecimal) temporary.get("committed")).setScale(2))
			.contains("\"spent\":" + ((BigDecimal) temporary.get("spent")).setScale(2))
			.contains("\"scheme\":\"RESERVE_TOP_UP\"");
		assertThat(jdbc.sql("""
				select coalesce(sum(e.amount), 0) from budget_entry e join budget b on b.id = e.budget_id
				 where b.township = :township and b.scheme = 'RESERVE_TOP_UP' and e.kind = 'SPENT'""")
			.param("township", TOWNSHIP.value())
			.query(BigDecimal.class)
			.single()).as("the day's one top-up").isEqualByComparingTo("20000");
	}

	/**
	 * The township set its own acceptance limit of two working days before the day: every request of the day that
	 * is not an emergency is due two working days after it arrived, and its step with it.
	 */
	private void everyRequestOfTheDayTakesTheTownshipsOwnLimit(java.time.Instant dayStarts) {
		var calendar = context.getBean(org.jijinan.calendar.WorkingDayCalendar.class);
		List<String> wrong = new ArrayList<>();
		int requests = jdbc.sql("""
				select r.number, r.received_at, r.accept_by, s.due_at from intake_help_request r
				  left join supervision_step s on s.subject_ref = r.number and s.kind = 'REQUEST_DECISION'
				 where r.township_path = :area and r.received_at >= :since and r.urgency <> 'EMERGENCY'""")
			.param("area", AREA)
			.param("since", java.sql.Timestamp.from(dayStarts))
			.query((row, n) -> {
				java.time.Instant due = calendar.plusWorkingDays(row.getTimestamp("received_at").toInstant(), 2);
				if (!row.getTimestamp("accept_by").toInstant().equals(due)
						|| row.getTimestamp("due_at") != null && !row.getTimestamp("due_at").toInstant().equals(due)) {
					wrong.add(row.getString("number"));
				}
				return n;
			})
			.list()
			.size();
		assertThat(requests).as("the day's requests that are not emergencies").isPositive();
		assertThat(wrong).as("requests not due by the township's own limit").isEmpty();
	}

	private void everyOpenStepHasAnOwnerWhoMayActAndADueTime() {
		List<String> failures = new ArrayList<>();
		jdbc.sql("select id, kind, subject_ref, responsible, due_at from supervision_step "
				+ "where area_path = :area and status = 'OPEN'")
			.param("area", AREA)
			.query((row, n) -> {
				String kind = row.getString("kind");
				String responsible = row.getString("responsible");
				boolean may = switch (kind) {
					case "REQUEST_DECISION" -> holds(responsible, Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER",
							"TOWNSHIP_APPROVER"), AREA);
					case "TASK_COMPLETION" -> inUnitOfTask(responsible, row.getString("subject_ref"));
					case "TASK_ACCEPTANCE" -> holds(responsible, HANDLERS, null)
							|| inUnitOfTask(responsible, row.getString("subject_ref"));
					case "CALL_BACK" -> holds(responsible, Set.of("HOTLINE_OPERATOR"), null) || holds(responsible,
							Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER"), AREA);
					case "WARNING_CHECK" -> holds(responsible, Set.of("VILLAGE_REPORTER"), AREA + VILLAGE + "/")
							|| holds(responsible, Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER"), AREA);
					default -> holds(responsible, HANDLERS, null);
				};
				if (!may || row.getTimestamp("due_at") == null) {
					failures.add(kind + " " + row.getString("subject_ref") + " owned by " + responsible);
				}
				return kind;
			})
			.list();
		assertThat(failures).as("open steps whose owner cannot act").isEmpty();
	}

	/**
	 * Every warning still waiting for a check is watched by exactly one open step owed by the warning's owner, and no
	 * open check step outlives its warning.
	 */
	private void everyWarningAwaitingACheckIsOwedByOneOpenStep(long awaiting) {
		assertThat(jdbc.sql("select count(*) from monitoring_warning where township_path = :area and status in ('OPEN', 'UNREACHABLE')")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("warnings awaiting a check").isEqualTo(awaiting);
		assertThat(jdbc.sql("""
				select w.number from monitoring_warning w where w.township_path = :area
				   and (w.status in ('OPEN', 'UNREACHABLE')) <> ((select count(*) from supervision_step s
				        where s.kind = 'WARNING_CHECK' and s.subject_ref = w.number and s.status = 'OPEN'
				          and s.responsible = w.owner and s.due_at = w.due_at) = 1)
				union all
				select s.subject_ref from supervision_step s
				 where s.kind = 'WARNING_CHECK' and s.status = 'OPEN' and s.area_path = :area
				   and not exists (select 1 from monitoring_warning w
				                    where w.number = s.subject_ref and w.status in ('OPEN', 'UNREACHABLE'))""")
			.param("area", AREA)
			.query(String.class)
			.list()).as("warnings and their steps out of step").isEmpty();
	}

	/** A reversed bill leaves no signal behind, and no warning waits for a check without a signal. */
	private void noWarningStandsOnAReversedBill() {
		assertThat(jdbc.sql("""
				select count(*) from relief_settlement r join monitoring_signal s
				    on s.source = 'platform' and s.reference = 'settlement:' || r.id
				 where r.reversed_at is not null""")
			.query(Long.class)
			.single()).as("signals of reversed bills").isZero();
		assertThat(jdbc.sql("""
				select count(*) from monitoring_warning w where w.township_path = :area
				   and w.status in ('OPEN', 'UNREACHABLE')
				   and not exists (select 1 from monitoring_warning_signal ws where ws.warning_id = w.id)""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("warnings awaiting a check with no signal behind them").isZero();
	}

	/** Each request on the channel 主动发现（数据预警） was opened by exactly one warning's check, and the other way round. */
	private void everyRequestFoundByDataCameFromOneWarning() {
		assertThat(jdbc.sql("""
				select r.number from intake_help_request r where r.township_path like :area || '%'
				   and r.channel = 'DATA_WARNING'
				   and (select count(*) from monitoring_warning w where w.request_number = r.number) <> 1
				union all
				select w.number from monitoring_warning w where w.township_path = :area and w.request_number is not null
				   and not exists (select 1 from intake_help_request r
				                    where r.number = w.request_number and r.channel = 'DATA_WARNING')""")
			.param("area", AREA)
			.query(String.class)
			.list()).as("requests found by data and their warnings out of step").isEmpty();
	}

	/** A hospital bill of the county's hospital, admitted and discharged so many days ago. */
	private static String bill(Registered patient, String name, String inPolicy, String outOfPolicy, String total,
			int admittedDaysAgo, int dischargedDaysAgo) {
		return """
				{"idNumber": "%s", "patientName": "%s", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "SECONDARY", "admissionNumber": "ZY-JXG-%d", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": %s, "outOfPolicy": %s, "total": %s}"""
			.formatted(patient.idNumber(), name, System.nanoTime() % 1_000_000,
					LocalDate.now(CHINA).minusDays(admittedDaysAgo), LocalDate.now(CHINA).minusDays(dischargedDaysAgo),
					inPolicy, outOfPolicy, total);
	}

	private static String flood(Registered person, String damage) {
		return """
				{"kind": "DISASTER_DAMAGE", "reference": "ZQ-%d", "idNumber": "%s", "occurredOn": "%s", "amount": %s}"""
			.formatted(System.nanoTime(), person.idNumber(), LocalDate.now(CHINA), damage);
	}

	/**
	 * Every call-back still owed is watched by exactly one open step, and no open call-back step outlives its
	 * call-back.
	 */
	/**
	 * Early warning hears of every case that ended without aid, once: of the day's cases only the one withdrawn leaves
	 * a signal, however many times its status changed; the cases aided or still open leave none.
	 */
	private void aCaseEndedWithoutAidIsOneSignal(java.util.Collection<String> dayCases, String withdrawn) {
		List<String> references = jdbc.sql("""
				select reference from monitoring_signal
				 where source = 'platform' and kind = 'CASE_CLOSED_WITHOUT_AID' and reference in (:references)""")
			.param("references", dayCases.stream().map(number -> "case:" + number).toList())
			.query(String.class)
			.list();
		assertThat(references).as("one signal, for the case withdrawn without aid").containsExactly("case:" + withdrawn);
	}

	private void everyCallBackOwedIsWatchedOnce(long owed) {
		assertThat(jdbc.sql("""
				select count(*) from intake_call_back c join intake_help_request r on r.number = c.request_number
				 where r.township_path = :area and c.status = 'OWED'""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("call-backs owed").isEqualTo(owed);
		assertThat(jdbc.sql("""
				select c.request_number from intake_call_back c join intake_help_request r on r.number = c.request_number
				 where r.township_path = :area
				   and (c.status = 'OWED') <> ((select count(*) from supervision_step s where s.kind = 'CALL_BACK'
				                                 and s.subject_ref = c.request_number and s.status = 'OPEN') = 1)
				union all
				select s.subject_ref from supervision_step s
				 where s.kind = 'CALL_BACK' and s.status = 'OPEN' and s.area_path = :area
				   and not exists (select 1 from intake_call_back c
				                    where c.request_number = s.subject_ref and c.status = 'OWED')""")
			.param("area", AREA)
			.query(String.class)
			.list()).as("call-backs and their steps out of step").isEmpty();
	}

	private boolean holds(String username, Set<String> roles, @Nullable String unitPath) {
		return jdbc.sql("""
				select count(*) from identity_account a
				  join identity_account_role r on r.account_id = a.id
				  join identity_unit u on u.id = a.unit_id
				 where a.username = :username and not a.disabled and r.role in (:roles)
				   and (:path = '' or u.division_path = :path)""")
			.param("username", username)
			.param("roles", roles)
			.param("path", unitPath == null ? "" : unitPath)
			.query(Long.class)
			.single() > 0;
	}

	private boolean inUnitOfTask(String username, String taskId) {
		return jdbc.sql("""
				select count(*) from identity_account a join casework_task t on t.unit_id = a.unit_id
				 where a.username = :username and not a.disabled and t.id = :task::uuid""")
			.param("username", username)
			.param("task", taskId)
			.query(Long.class)
			.single() > 0;
	}

	private void noOpenTaskWithoutALiveStep() {
		List<String> orphans = jdbc.sql("""
				select t.id::text from casework_task t join casework_case c on c.id = t.case_id
				 where c.township_path = :area and t.status in ('REFERRED', 'ACCEPTED')
				   and not exists (select 1 from supervision_step s where s.subject_ref = t.id::text and s.status = 'OPEN')""")
			.param("area", AREA)
			.query(String.class)
			.list();
		assertThat(orphans).as("tasks open with nobody watching them").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from casework_task t join casework_case c on c.id = t.case_id
				 where c.township_path = :area and t.status in ('REFERRED', 'ACCEPTED', 'RETURNED')
				   and c.status in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("tasks left open on ended cases").isZero();
	}

	/**
	 * Intake, relief and notify agree: each accepted request has its applicant told of the acceptance once, and each
	 * emergency grant reached every request its case held when it was granted.
	 */
	private void everyApplicantIsToldOnceWhatHappened() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(jdbc.sql("""
					select count(*) from intake_help_request r where r.township_path = :area and r.status = 'ACCEPTED'
					   and (select count(*) from notify_applicant_milestone m
					         where m.request_number = r.number and m.kind = 'ACCEPTED') <> 1""")
				.param("area", AREA)
				.query(Long.class)
				.single()).as("accepted requests not told once").isZero();
			assertThat(jdbc.sql("""
					select count(*) from relief_emergency_grant g
					  join casework_case c on c.number = g.case_number
					  join casework_case_request cr on cr.case_id = c.id and cr.joined_at <= g.granted_at
					 where g.township_path = :area
					   and not exists (select 1 from notify_applicant_milestone m where m.request_number = cr.request_number
					                      and m.kind = 'EMERGENCY_AID' and m.source = g.number)""")
				.param("area", AREA)
				.query(Long.class)
				.single()).as("emergency grants their applicants were not told of").isZero();
		});
	}

	private void noPaymentOrderedTwice() {
		assertThat(jdbc.sql("""
				select count(*) from (select decision_id from relief_payment_order where township_path = :area
				   and status <> 'FAILED' group by decision_id having count(*) > 1) twice""")
			.param("area", AREA)
			.query(Long.class)
			.single()).isZero();
	}

	private void everyAidIsInItsHouseholdsChainOnce() {
		List<String> missing = jdbc.sql("""
				select g.id::text from relief_emergency_grant g join casework_case c on c.number = g.case_number
				 where c.township_path = :area
				   and (select count(*) from relief_assistance a where a.source_ref = g.id::text) <> 1
				union all
				select d.id::text from relief_decision d where d.township_path = :area and d.status = 'APPROVED'
				   and (select count(*) from relief_assistance a where a.source_ref = d.id::text) <> 1
				union all
				select s.id::text from relief_settlement s where s.residence_path like :area || '%' and s.assistance > 0
				   and (select count(*) from relief_assistance a where a.source_ref = s.id::text) <> 1""")
			.param("area", AREA)
			.query(String.class)
			.list();
		assertThat(missing).as("aid recorded in the chain other than once").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from relief_assistance a join casework_case c on c.number = a.case_number
				 where c.township_path = :area and c.person_id is not null
				   and a.person_id is distinct from c.person_id""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("aid of a linked case outside that person's chain").isZero();
		assertThat(jdbc.sql("""
				select count(*) from relief_assistance a join people_person p on p.id = a.person_id
				 where a.township_path like :area || '%' and p.superseded_by is not null""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("aid left on a provisional record that turned out to be a registered person").isZero();
		assertThat(jdbc.sql("""
				select count(*) from casework_case c join people_person p on p.id = c.person_id
				 where c.township_path = :area and p.superseded_by is not null""")
			.param("area", AREA)
			.query(Long.class)
			.single()).as("cases left on a superseded provisional record").isZero();
	}

	private void theDashboardEqualsTheDaysTally(Visitor admin, Visitor county) throws Exception {
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		String path = "/api/v1/dashboard?from=" + month + "&to=" + month + "&region=" + TOWNSHIP.value();
		JsonMapper json = JsonMapper.builder().build();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode view = json.readTree(county.get(path).body());
			JsonNode total = view.get("total");
			assertThat(List.of(total.get("requests").asLong(), total.get("cases").asLong(), total.get("aided").asLong()))
				.as("requests, cases and aided cases")
				.containsExactly(tally.requests(), 10L, (long) tally.aidedCases());
			for (Map.Entry<String, Long> channel : tally.byChannel().entrySet()) {
				assertThat(line(view.get("byChannel"), channel.getKey()).get("requests").asLong()).as(channel.getKey())
					.isEqualTo(channel.getValue());
			}
			JsonNode medical = warningLine(view, "MEDICAL_SPENDING");
			assertThat(List.of(medical.get("raised").asLong(), medical.get("checked").asLong(),
					medical.get("needingHelp").asLong(), medical.get("foundFirst").asLong()))
				.as("多吉's warning, found by data before anyone applied; the reversed bill's is not counted")
				.containsExactly(1L, 1L, 1L, 1L);
			JsonNode disaster = warningLine(view, "DISASTER_DAMAGE");
			assertThat(List.of(disaster.get("raised").asLong(), disaster.get("checked").asLong()))
				.as("the flood's warning waits for its check").containsExactly(1L, 0L);
			JsonNode complaints = view.get("complaints");
			assertThat(List.of(complaints.get("received").asLong(), complaints.get("founded").asLong()))
				.as("the day's complaints about the township, one merged repeat not counted")
				.containsExactly((long) tally.complaints().size(), tally.foundedComplaints());
			for (Map.Entry<String, long[]> unit : tally.units().entrySet()) {
				JsonNode line = unitLine(view, unit.getKey());
				assertThat(List.of(line.get("referred").asLong(), line.get("completed").asLong(),
						line.get("returns").asLong())).as(unit.getKey()).containsExactly(unit.getValue()[0],
								unit.getValue()[1], unit.getValue()[2]);
			}
		});
		String live = county.get(path).body();
		Page rebuilt = admin.json("POST", "/api/v1/dashboard/rebuild", "");
		assertThat(rebuilt.status()).as(rebuilt.body()).isIn(200, 204);
		assertThat(county.get(path).body()).as("the rebuild equals the live figures").isEqualTo(live);
	}

	private static JsonNode line(JsonNode lines, String key) {
		for (JsonNode line : lines) {
			if (line.get("key").asString().equals(key)) {
				return line;
			}
		}
		throw new AssertionError("no line " + key + " in " + lines);
	}

	private static JsonNode warningLine(JsonNode view, String rule) {
		for (JsonNode line : view.get("warnings")) {
			if (line.get("rule").asString().equals(rule)) {
				return line;
			}
		}
		throw new AssertionError("no warning line " + rule + " in " + view.get("warnings"));
	}

	/** The dashboard names units as they are called; this day's units are the county's education and housing. */
	private static JsonNode unitLine(JsonNode view, String unit) {
		for (JsonNode line : view.get("units")) {
			String name = line.get("unit").asString();
			if (unit.equals("education") ? name.contains("EDUCATION") || name.contains("教育")
					: name.contains("HOUSING") || name.contains("住房")) {
				return line;
			}
		}
		throw new AssertionError("no unit line for " + unit + " in " + view.get("units"));
	}

	private String receive(Visitor who, String channel, String urgency, String name, String phone, String village,
			String cause) {
		Page received = who.json("POST", "/api/v1/help-requests", request(channel, urgency, name, phone, village, cause));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return tally.received(channel, IntakeTests.numberOf(received));
	}

	private String receiveOnline(Visitor applicant, String name, String village) {
		applicant.get("/public/apply");
		Page received = applicant.post("/public/requests", Map.of("name", name, "phone", phone(), "village", village,
				"description", "家里突遭变故，生活困难", "causes", "OTHER"));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		return tally.received("ONLINE",
				received.body().replaceAll("(?s).*<strong id=\"public-number\">([^<]+)</strong>.*", "$1"));
	}

	private static String wantingCallBack(String request) {
		return request.replace("\"causes\"", "\"callbackWanted\": true, \"causes\"");
	}

	private static String request(String channel, String urgency, String name, String phone, String village,
			String cause) {
		return """
				{"channel": "%s", "urgency": "%s", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "subjectName": "%s", "subjectPhone": "%s", "village": "%s", "description": "突发困难，需要帮助",
				 "causes": ["%s"]}""".formatted(channel, urgency, phone, name, phone, village, cause);
	}

	/** A person in the registry, with the ID number they were registered by. */
	private record Registered(String id, String idNumber) {
	}

	private Registered registeredPerson(Visitor clerk, String name) {
		return registeredPerson(clerk, name, VILLAGE);
	}

	private Registered registeredPerson(Visitor clerk, String name, String village) {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String idNumber = body + ResidentIdNumber.checkCharacter(body);
		return new Registered(idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "%s", "idNumber": "%s", "residence": "%s"}""".formatted(name, idNumber, village))), idNumber);
	}

	/**
	 * The window's home page and menu count exactly the requests still waiting for acceptance in its township.
	 */
	private void theWorkbenchShowsWhatWaits(Visitor clerk) {
		long waiting = jdbc
			.sql("select count(*) from intake_help_request where township_path = :area and status = 'RECEIVED'")
			.param("area", AREA)
			.query(Long.class)
			.single();
		assertThat(waiting).as("some of the day's requests still wait").isPositive();
		String home = clerk.get("/").body();
		assertThat(home).as("the home page's line")
			.containsPattern("<span>待受理的求助</span>\\s*<span class=\"count\">" + waiting + "</span>");
		assertThat(home).as("the menu's count")
			.containsPattern("href=\"/intake/queue\"><span>待受理</span>\\s*<span class=\"badge[^\"]*\">" + waiting + "</span>");
	}

	/**
	 * The village reporter's own list (我报告的) says what became of each report — aid given to the emergency he
	 * reported, the neighbour's case still handled, the refused ones with their reason — and nothing of how much.
	 */
	private static void theReporterSeesWhatBecameOfHisReports(Visitor reporter, String aided, String handled) {
		String mine = reporter.get("/intake/mine").body();
		assertThat(card(mine, aided)).contains("已受理").contains("已给予救助").contains("办理中")
			.doesNotContain("1000.00")
			.doesNotContain("元");
		assertThat(card(mine, handled)).contains("已受理").contains("尚未给予救助");
		assertThat(mine).as("the refused ones, with their reason").contains("不予受理")
			.contains("理由：经入户核实，家庭收入高于当地低保标准");
		assertThat(mine).as("only his own: the window's and the hotline's are not there").doesNotContain("才让")
			.doesNotContain("扎西");
	}

	private static String card(String page, String number) {
		Matcher card = Pattern.compile("(?s)data-number=\"" + number + "\">(.*?)</li>").matcher(page);
		assertThat(card.find()).as("a card for " + number).isTrue();
		return card.group(1);
	}

	private long requestsInArea() {
		return jdbc.sql("select count(*) from intake_help_request where township_path = :area")
			.param("area", AREA)
			.query(Long.class)
			.single();
	}

	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger(
			ThreadLocalRandom.current().nextInt(5_000));

	/** A phone number no other request of the day uses, so that it is not taken for a duplicate. */
	private static String uniquePhone() {
		return "1389711" + String.format("%04d", PHONES.incrementAndGet() % 10_000);
	}

	private static String phone() {
		return "1389710" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}


	/**
	 * The day's figures counted by hand: requests by channel, cases aided, and units' referrals, completions and
	 * returns.
	 */
	private static final class Tally {

		private final Map<String, Long> channels = new java.util.TreeMap<>();

		private final Set<String> aided = new java.util.HashSet<>();

		private final Map<String, long[]> units = new java.util.TreeMap<>();

		private final List<String> complaints = new ArrayList<>();

		private long foundedComplaints;

		String complained(String number) {
			complaints.add(number);
			return number;
		}

		void founded() {
			foundedComplaints++;
		}

		List<String> complaints() {
			return complaints;
		}

		long foundedComplaints() {
			return foundedComplaints;
		}

		String received(String channel, String number) {
			channels.merge(channel, 1L, Long::sum);
			return number;
		}

		void aided(String caseNumber) {
			aided.add(caseNumber);
		}

		void referred(String unit) {
			units.computeIfAbsent(unit, name -> new long[3])[0]++;
		}

		void completed(String unit) {
			units.computeIfAbsent(unit, name -> new long[3])[1]++;
		}

		void returned(String unit) {
			units.computeIfAbsent(unit, name -> new long[3])[2]++;
		}

		long requests() {
			return channels.values().stream().mapToLong(Long::longValue).sum();
		}

		int aidedCases() {
			return aided.size();
		}

		Map<String, Long> byChannel() {
			return channels;
		}

		Map<String, long[]> units() {
			return units;
		}

	}

}
