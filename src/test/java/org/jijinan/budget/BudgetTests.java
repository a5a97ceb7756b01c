package org.jijinan.budget;

import java.time.LocalDate;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.OtherCounty;
import org.jijinan.relief.InsurerReports;
import org.jijinan.relief.PaymentFixtures;
import org.jijinan.relief.ReliefStaff;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Budgets and commitments: an approval commits, a payment spends, a stop releases; an approval beyond what is left
 * is stopped with the figures until a county approver overrides it with a reason, audited; bad budgets are refused
 * with nothing stored.
 */
@SystemTest
class BudgetTests {

	static final String DAOTANGHE = "632521101";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ReliefStaff staff;

	Visitor countyAdmin;

	@BeforeEach
	void signIn() {
		staff = new ReliefStaff(port, context);
		countyAdmin = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
	}

	/** Budgets hold every approval of the county: later tests go back to a county that keeps none here. */
	@AfterEach
	void forget() {
		jdbc.sql("delete from budget_override").update();
		jdbc.sql("delete from budget_entry").update();
		jdbc.sql("delete from budget").update();
	}

	@Test
	void anApprovalBeyondTheBudgetIsStoppedUntilACountyApproverOverridesItWithAReason() {
		Page set = staff.countyApprover.json("POST", "/api/v1/budgets", budget("TEMPORARY_ASSISTANCE", DAOTANGHE,
				"5000.00"));
		assertThat(set.status()).as(set.body()).isEqualTo(201);
		assertThat(set.body()).contains("\"left\":5000.00").contains("倒淌河镇");

		String first = reviewedDecision("3000");
		assertThat(staff.townshipApprover.json("POST", "/api/v1/decisions/" + first + "/approval", "").status())
			.isEqualTo(200);
		String second = reviewedDecision("2500");
		Page stopped = staff.townshipApprover.json("POST", "/api/v1/decisions/" + second + "/approval", "");
		assertProblem(stopped, 422, "budget.exceeded");
		assertThat(stopped.body()).as("the figures").contains("2500").contains("余额 2000.00 元")
			.contains("已承诺 3000.00 元");
		assertThat(staff.handler.get("/api/v1/decisions/" + second).body()).contains("\"status\":\"REVIEWED\"");
		assertThat(staff.townshipApprover.get("/cases/" + caseOf(second) + "/relief").body())
			.contains("将超出临时救助预算").contains("须由县级审批人说明理由后方可批准").doesNotContain("超预算仍予批准");

		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + second + "/budget-override",
				"{\"reason\": \"火灾后一家无处居住\"}"), 403, "budget.override-not-allowed");
		assertProblem(staff.countyApprover.json("POST", "/api/v1/decisions/" + second + "/budget-override",
				"{\"reason\": \"\"}"), 400, "budget.override-reason-required");
		assertProblem(staff.countyApprover.json("POST", "/api/v1/decisions/" + first + "/budget-override",
				"{\"reason\": \"不需要\"}"), 409, "relief.illegal-transition");
		assertThat(staff.countyApprover.json("POST", "/api/v1/decisions/" + second + "/budget-override",
				"{\"reason\": \"火灾后一家无处居住，追加预算待县财政批复\"}").status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'budget.overridden'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(staff.townshipApprover.json("POST", "/api/v1/decisions/" + second + "/approval", "").status())
			.isEqualTo(200);

		Page overview = staff.countyApprover.get("/api/v1/budgets");
		assertThat(overview.body()).contains("\"committed\":5500.00").contains("\"spent\":0.00")
			.contains("\"left\":-500.00");

		// The bank pays the first: its money moves from committed to spent.
		String batch = idOf(staff.townshipApprover.json("POST", "/api/v1/payment-batches", ""));
		String order = staff.townshipApprover.get("/api/v1/decisions/" + first + "/payment-orders").body()
			.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(PaymentFixtures.bankResults(staff.townshipApprover, batch,
				"order,result,bank_reference,reason\n" + order + ",PAID,B-BUDGET-1,\n").status()).isEqualTo(200);
		assertThat(staff.countyApprover.get("/api/v1/budgets").body()).contains("\"committed\":2500.00")
			.contains("\"spent\":3000.00").contains("\"left\":-500.00");
		assertThat(staff.countyApprover.get("/budgets").body()).contains("预算执行").contains("倒淌河镇")
			.contains("3000.00");
	}

	@Test
	void theEvaluationReportCarriesTheBudgetsOfItsPeriod() throws Exception {
		OtherCounty.ensure(context);
		var fixtures = StaffFixtures.from(context);
		Visitor approver = StaffFixtures.signedIn(port,
				fixtures.active(OtherCounty.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		assertThat(approver.json("POST", "/api/v1/budgets", budget("PURCHASED_SERVICES", null, "300000")).status())
			.isEqualTo(201);
		Visitor leader = StaffFixtures.signedIn(port,
				fixtures.active(OtherCounty.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));

		byte[] workbook = leader.sendBytes(java.net.http.HttpRequest.newBuilder(leader.uri("/api/v1/pilot/evaluation.xlsx")));
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
			var sheet = book.getSheet("预算执行情况");
			assertThat(sheet).as("the evaluation report carries the budgets").isNotNull();
			var row = sheet.getRow(1);
			assertThat(java.util.stream.IntStream.range(0, 6).mapToObj(cell -> row.getCell(cell).getStringCellValue()))
				.containsExactly("政府购买服务", "县本级", "300000.00", "0.00", "0.00", "300000.00");
		}
	}

	@Test
	void refusesBadBudgetsWithNothingStored() {
		String path = "/api/v1/budgets";
		int year = LocalDate.now(WorkingDayCalendar.COUNTY).getYear();
		assertThat(countyAdmin.json("POST", path, budget("MEDICAL_ASSISTANCE", null, "800000")).status())
			.isEqualTo(201);
		assertProblem(countyAdmin.json("POST", path, """
				{"scheme": "MEDICAL_ASSISTANCE", "periodFrom": "%d-07-01", "periodTo": "%d-06-30", "amount": 1000}"""
			.formatted(year, year + 1)), 409, "budget.period-overlaps");
		assertProblem(countyAdmin.json("POST", path, budget("MEDICAL_ASSISTANCE", DAOTANGHE, "-5")), 422,
				"budget.amount-invalid");
		assertProblem(countyAdmin.json("POST", path, budget("MEDICAL_ASSISTANCE", DAOTANGHE, "0.001")), 422,
				"budget.amount-invalid");
		assertProblem(countyAdmin.json("POST", path, """
				{"scheme": "MEDICAL_ASSISTANCE", "periodFrom": "%d-12-31", "periodTo": "%d-01-01", "amount": 1000}"""
			.formatted(year, year)), 422, "budget.period-invalid");
		assertProblem(countyAdmin.json("POST", path, """
				{"scheme": "MEDICAL_ASSISTANCE", "periodFrom": "%d-02-30", "periodTo": "%d-12-31", "amount": 1000}"""
			.formatted(year, year)), 400, "request.invalid-field-value");
		assertProblem(countyAdmin.json("POST", path, budget("MEDICAL_ASSISTANCE", "632522100", "1000")), 422,
				"budget.township-unknown");
		assertProblem(staff.townshipApprover.json("POST", path, budget("MEDICAL_ASSISTANCE", DAOTANGHE, "1000")),
				403, "budget.not-allowed");
		assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).as("only the first stored")
			.isEqualTo(1);

		Page form = countyAdmin.post("/budgets", java.util.Map.of("scheme", "MEDICAL_ASSISTANCE", "township", "",
				"periodFrom", year + "-03-01", "periodTo", year + "-12-31", "amount", "1000", "note", "共财〔2026〕9号"));
		assertThat(form.status()).isEqualTo(409);
		assertThat(form.body()).contains("id=\"period-problem\"").contains("value=\"共财〔2026〕9号\"")
			.contains("value=\"1000\"");
	}

	@Test
	void medicalAssistanceSettledAtTheWindowIsSpentAndAReversalReturnsIt() {
		assertThat(staff.countyApprover.json("POST", "/api/v1/budgets", budget("MEDICAL_ASSISTANCE", null, "100000"))
			.status()).isEqualTo(201);
		String idNumber = TestIdNumbers.fresh();
		String person = idOf(staff.clerk.json("POST", "/api/v1/persons", """
				{"name": "格桑", "idNumber": "%s", "residence": "632521101201"}""".formatted(idNumber)));
		String household = idOf(staff.clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		assertThat(staff.handler.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "共民〔2024〕12号",
				 "validFrom": "2024-01-01"}""".formatted(household)).status()).isEqualTo(201);
		Visitor hospital = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));

		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.paid("""
				{"idNumber": "%s", "patientName": "格桑", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "SECONDARY", "admissionNumber": "ZY-B%d", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": 30000, "outOfPolicy": 2000, "total": 32000}""".formatted(idNumber, System.nanoTime() % 1_000_000,
				LocalDate.now(WorkingDayCalendar.COUNTY).minusDays(10), LocalDate.now(WorkingDayCalendar.COUNTY).minusDays(1)),
				"22050", "0"));
		assertThat(settled.body()).contains("\"assistance\":5565.00");
		assertThat(staff.countyApprover.get("/api/v1/budgets").body()).as("spent at the window, nothing committed")
			.contains("\"committed\":0.00,\"spent\":5565.00,\"left\":94435.00");

		assertThat(hospital.json("POST", "/api/v1/medical-settlements/" + idOf(settled) + "/reversal",
				"{\"reason\": \"医院上传费用有误\"}").status()).isEqualTo(200);
		assertThat(staff.countyApprover.get("/api/v1/budgets").body()).as("the reversal returned it")
			.contains("\"committed\":0.00,\"spent\":0.00,\"left\":100000.00");
	}

	private String reviewedDecision(String cash) {
		String number = staff.investigatedCase();
		String decision = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions",
				ReliefStaff.proposal(cash, "")));
		assertThat(staff.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "").status())
			.isEqualTo(200);
		return decision;
	}

	private String caseOf(String decision) {
		return staff.handler.get("/api/v1/decisions/" + decision).body()
			.replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
	}

	private static String budget(String scheme, String township, String amount) {
		int year = LocalDate.now(WorkingDayCalendar.COUNTY).getYear();
		return """
				{"scheme": "%s", %s"periodFrom": "%d-01-01", "periodTo": "%d-12-31", "amount": %s,
				 "note": "共财〔%d〕3号"}""".formatted(scheme, township == null ? "" : "\"township\": \"" + township + "\", ",
				year, year, amount, year);
	}

}
