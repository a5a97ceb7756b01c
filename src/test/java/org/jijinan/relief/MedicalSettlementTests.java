package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.OtherCounty;
import org.jijinan.shared.ResidentIdNumber;
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
 * One-stop settlement at the hospital window: one call splits the bill by the patient's class and year to date
 * under the parameters in force (the county's example values: secondary hospitals 600 yuan deductible and 75 %,
 * critical illness above 15,000 yuan at 60 %, class 2 assistance 70 %); one open admission per person; reversal
 * with a reason; the assistance chain and the duplicate check see the bill.
 */
@SystemTest
class MedicalSettlementTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ReliefStaff staff;

	Visitor hospital;

	Visitor medicalSecurity;

	String hospitalUnit;

	@BeforeEach
	void signIn() {
		staff = new ReliefStaff(port, context);
		var fixtures = StaffFixtures.from(context);
		var hospitalAccount = fixtures.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER);
		hospitalUnit = hospitalAccount.unitId().value().toString();
		hospital = StaffFixtures.signedIn(port, hospitalAccount);
		medicalSecurity = StaffFixtures.signedIn(port,
				fixtures.active(StaffFixtures.COUNTY, UnitKind.MEDICAL_SECURITY_DEPARTMENT, Role.DEPARTMENT_OFFICER));
	}

	@Test
	void settlesABillInOneCallForAPartnerHospitalAndBuildsOnTheYear() {
		String idNumber = allowanceRecipient("拉毛");
		Visitor partner = partnerHospital();

		Page first = partner.send(json(partner, "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "拉毛", "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000), "SECONDARY",
						"30000.00", "2000.00", "32000.00", ""), "22050.00", "0")));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		// basic (30,000 − 600) × 75 % = 22,050; critical: 7,950 below the 15,000 deductible; assistance 70 % of 7,950
		assertThat(first.body()).contains("\"patientClass\":\"CLASS_2\"").contains("\"basic\":22050.00")
			.contains("\"critical\":0.00").contains("\"assistance\":5565.00").contains("\"patient\":4385.00")
			.contains("\"rulesVersion\":\"632521/2025-01-01/5a0c1e7e\"").doesNotContain(idNumber);

		Page second = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.paid(bill(idNumber, "拉毛",
				"ZY-" + ThreadLocalRandom.current().nextInt(1_000_000), "TERTIARY", "20000", "0", "20000", ""), "12220",
				"438"));
		// basic (20,000 − 1,200) × 65 % = 12,220; own payments 7,950 + 7,780 pass the deductible by 730 → 438;
		// assistance 70 % of 7,342 = 5,139.40
		assertThat(second.body()).contains("\"basic\":12220.00").contains("\"critical\":438.00")
			.contains("\"assistance\":5139.40").contains("\"patient\":2202.60")
			.contains("\"assistancePaid\":10704.40");
		// early warning reads each bill's own share with the patient's total for the year: 4,385 + 2,202.60
		assertThat(jdbc.sql("""
				select amount, year_total from monitoring_signal where source = 'platform' and reference = :reference""")
			.param("reference", "settlement:" + idOf(second))
			.query((row, n) -> row.getBigDecimal(1) + " of " + row.getBigDecimal(2))
			.single()).isEqualTo("2202.60 of 6587.60");
	}

	@Test
	void settlesOnWhatTheInsurersReallyPaidAndPreSettlesOnlyAsAnEstimate() {
		String idNumber = allowanceRecipient("才让");
		String admission = "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String path = "/api/v1/medical-settlements";
		String unsettled = bill(idNumber, "才让", admission, "SECONDARY", "30000", "2000", "32000", "");

		Page estimate = hospital.json("POST", "/api/v1/medical-presettlements", unsettled);
		assertThat(estimate.status()).as(estimate.body()).isEqualTo(200);
		assertThat(estimate.body()).contains("\"estimate\":true").contains("\"basic\":22050.00")
			.contains("\"assistance\":5565.00").contains("\"patient\":4385.00").doesNotContain(idNumber);
		assertThat(hospital.get(path).body()).as("a pre-settlement records nothing").doesNotContain("才让");

		assertProblem(hospital.json("POST", path, unsettled), 422, "relief.insurer-payments-required");
		assertProblem(hospital.json("POST", path, InsurerReports.paid(unsettled, "25000", "5001")), 422,
				"relief.insurer-payments-exceed-in-policy");
		assertProblem(hospital.json("POST", path,
				InsurerReports.paid(unsettled, "25000", "5000").replaceFirst("}$", ", \"otherPaid\": 2001, \"otherReference\": \"SY-1\"}")),
				422, "relief.insurer-payments-exceed-bill");
		assertProblem(hospital.json("POST", path, InsurerReports.paid(unsettled, "-1", "0")), 422, "relief.insurer-payment-invalid");
		assertProblem(hospital.json("POST", path, InsurerReports.paid(unsettled, "100.001", "0")), 422,
				"relief.insurer-payment-invalid");
		assertProblem(hospital.json("POST", path, unsettled.replaceFirst("}$", ", \"basicPaid\": 100, \"criticalPaid\": 0}")),
				400, "relief.insurer-reference-required");
		assertProblem(hospital.json("POST", path, InsurerReports.paid(unsettled, "100", "0").replace("\"JB-", "\"JB 1;--")), 400,
				"relief.insurer-reference-invalid");
		assertThat(hospital.get(path).body()).as("nothing refused was stored").doesNotContain("才让");

		// basic insurance paid 24,000 (the parameters say 22,050) and other insurance 500: assistance pays 70 % of the
		// 5,500 they left within the policy
		Page settled = hospital.json("POST", path, InsurerReports.paid(unsettled, "24000", "0")
			.replaceFirst("}$", ", \"otherPaid\": 500, \"otherReference\": \"SY-77\"}"));
		assertThat(settled.status()).as(settled.body()).isEqualTo(201);
		assertThat(settled.body()).contains("\"basic\":24000.00").contains("\"other\":500.00")
			.contains("\"assistance\":3850.00").contains("\"patient\":3650.00").contains("\"basis\":\"INSURERS\"")
			.contains("\"otherReference\":\"SY-77\"").contains("\"basicReference\":\"JB-");

		String second = bill(idNumber, "才让", "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000), "TERTIARY",
				"20000", "0", "20000", "");
		Page before = hospital.json("POST", path, InsurerReports.paid(second, "12000", "500"));
		assertThat(before.body()).contains("\"assistance\":5250.00").contains("\"assistancePaid\":9100.00");
		hospital.json("POST", path + "/" + idOf(before) + "/reversal", "{\"reason\": \"医保结算金额回传有误\"}");
		Page after = hospital.json("POST", path, InsurerReports.paid(second, "12000", "500"));
		assertThat(after.body()).as("the reversal restored the year exactly").contains("\"assistance\":5250.00")
			.contains("\"assistancePaid\":9100.00").contains("\"criticalBase\":"
					+ before.body().replaceAll(".*\"criticalBase\":([0-9.]+).*", "$1") + ",");
	}

	@Test
	void refusesASecondOpenAdmissionAndReversesWithAReason() {
		String idNumber = allowanceRecipient("索南");
		String admission = "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000);
		Page admitted = hospital.json("POST", "/api/v1/medical-admissions", bill(idNumber, "索南", admission, "SECONDARY",
				"0", "0", "0", ""));
		assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);

		assertProblem(medicalSecurity.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "索南", "OTHER-1", "PRIMARY", "1000", "0", "1000", ""), "0", "0")), 409,
				"relief.admission-open");
		assertProblem(hospital.json("POST", "/api/v1/medical-admissions",
				bill(idNumber, "索南", "ZY-AGAIN", "SECONDARY", "0", "0", "0", "")), 409, "relief.admission-open");
		String settled = idOf(hospital.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "索南", admission, "SECONDARY", "10000", "500", "10500", ""), "7050", "0")));
		assertProblem(hospital.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "索南", admission, "SECONDARY", "10000", "500", "10500", ""), "7050", "0")), 409,
				"relief.admission-settled");

		assertProblem(hospital.json("POST", "/api/v1/medical-settlements/" + settled + "/reversal", "{\"reason\": \"\"}"),
				400, "relief.reversal-reason-required");
		Page reversed = hospital.json("POST", "/api/v1/medical-settlements/" + settled + "/reversal",
				"{\"reason\": \"医院上传费用明细有误，重新结算\"}");
		assertThat(reversed.body()).contains("reversedAt").contains("费用明细有误");
		assertProblem(hospital.json("POST", "/api/v1/medical-settlements/" + settled + "/reversal",
				"{\"reason\": \"再次冲正\"}"), 409, "relief.settlement-reversed");
		Page again = hospital.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "索南", admission, "SECONDARY", "9000", "500", "9500", ""), "6300", "0"));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		// (9,000 − 600) × 75 % = 6,300; assistance 70 % of 2,700 = 1,890: the reversed bill no longer counts
		assertThat(again.body()).contains("\"assistance\":1890.00").contains("\"assistancePaid\":1890.00");
	}

	@Test
	void refusesBillsThatDoNotAddUpOrDoNotMatchTheRegistry() {
		String idNumber = allowanceRecipient("卓玛");
		String path = "/api/v1/medical-settlements";

		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "1000", "100", "1200", "")),
				422, "relief.costs-do-not-add-up");
		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "-1", "0", "-1", "")), 422,
				"relief.bill-invalid");
		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "10.001", "0", "10.001",
				"")), 422, "relief.bill-invalid");
		assertProblem(hospital.json("POST", path,
				bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "1000", "0", "1000", "CLASS_9")), 422,
				"relief.unknown-patient-class");
		assertProblem(hospital.json("POST", path,
				bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "1000", "0", "1000", "CLASS_1")), 422,
				"relief.patient-class-mismatch");
		Page wrongName = hospital.json("POST", path,
				bill(idNumber, "卓嘎", "ZY-1", "SECONDARY", "1000", "0", "1000", ""));
		Page unknownNumber = hospital.json("POST", path,
				bill(idNumber(), "卓玛", "ZY-1", "SECONDARY", "1000", "0", "1000", ""));
		assertProblem(wrongName, 422, "relief.patient-not-matched");
		assertThat(unknownNumber.body()).as("a registered number and an unknown one answer alike")
			.isEqualTo(wrongName.body());
		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "QUATERNARY", "1000", "0", "1000", "")),
				400, "request.invalid-field-value");
		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY 1; drop", "SECONDARY", "1000", "0", "1000",
				"")), 400, "relief.admission-invalid");
		assertProblem(hospital.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "1000", "0", "1000", "")
			.replace(LocalDate.now().minusDays(10).toString(), LocalDate.now().plusDays(10).toString())), 422,
				"relief.admission-dates-invalid");
		assertProblem(staff.clerk.json("POST", path, bill(idNumber, "卓玛", "ZY-1", "SECONDARY", "1000", "0", "1000", "")),
				403, "relief.not-allowed");
		assertThat(hospital.get("/api/v1/medical-settlements").body()).doesNotContain("卓玛");
	}

	@Test
	void showsTheBillInTheChainAndStopsTemporaryAidPayingItAgain() {
		String idNumber = allowanceRecipient("多吉");
		String admission = "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000);
		idOf(hospital.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "多吉", admission, "SECONDARY", "30000", "2000", "32000", ""), "22050", "0")));
		String person = lastPerson;
		String number = staff.investigatedCase("""
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "SELF", "reporterPhone": "13909741235",
				 "personId": "%s", "village": "632521101201", "description": "住院花费大，家中无力承担", "causes": ["FIRE"]}"""
			.formatted(person));
		assertThat(staff.handler.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.contains("\"scheme\":\"MEDICAL\"").contains("\"amount\":5565.00").contains("共和县人民医院");

		String decision = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions",
				ReliefStaff.proposal("1000", ", \"billRef\": \"H632521001/" + admission + "\"")));
		staff.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "");

		assertThat(staff.reviewer.get("/api/v1/decisions/" + decision + "/duplicate-check").body()).contains("SAME_BILL");
		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", ""), 422,
				"relief.duplicate-assistance");
	}

	@Test
	void settlesOnlyForResidentsOfTheCallersCountyAndShowsSettlementsOnlyToThoseWhoSettle() {
		OtherCounty.ensure(context);
		var fixtures = StaffFixtures.from(context);
		Visitor tongdeClerk = StaffFixtures.signedIn(port,
				fixtures.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String outsider = idNumber();
		idOf(tongdeClerk.json("POST", "/api/v1/persons", """
				{"name": "旦增", "idNumber": "%s", "residence": "%s"}""".formatted(outsider, OtherCounty.VILLAGE)));
		String admission = "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String admit = bill(outsider, "旦增", admission, "SECONDARY", "1000", "0", "1000", "");
		Page unknown = staff.countyReviewer.json("POST", "/api/v1/medical-admissions",
				bill(idNumber(), "旦增", admission, "SECONDARY", "1000", "0", "1000", ""));

		for (Visitor gonghe : new Visitor[] { staff.countyReviewer, hospital, medicalSecurity }) {
			Page admitted = gonghe.json("POST", "/api/v1/medical-admissions", admit);
			assertProblem(admitted, 422, "relief.patient-not-matched");
			assertThat(admitted.body()).as("another county's resident answers as an unknown number")
				.isEqualTo(unknown.body());
			assertProblem(gonghe.json("POST", "/api/v1/medical-settlements", admit), 422,
					"relief.patient-not-matched");
		}
		Visitor tongdeHospital = StaffFixtures.signedIn(port,
				fixtures.active(OtherCounty.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		Page own = tongdeHospital.json("POST", "/api/v1/medical-admissions", admit);
		assertThat(own.status()).as("nothing was left open by the refused calls: " + own.body()).isEqualTo(201);

		String idNumber = allowanceRecipient("央金");
		String settlement = idOf(hospital.json("POST", "/api/v1/medical-settlements",
				InsurerReports.paid(bill(idNumber, "央金", "ZY-" + ThreadLocalRandom.current().nextInt(1_000_000), "SECONDARY",
						"3000", "0", "3000", ""), "1800", "0")));
		String read = "/api/v1/medical-settlements/" + settlement;
		assertThat(hospital.get(read).status()).isEqualTo(200);
		assertThat(staff.countyReviewer.get(read).status()).isEqualTo(200);
		Visitor reporter = StaffFixtures.signedIn(port,
				fixtures.active(new org.jijinan.shared.DivisionCode("632521101201"), UnitKind.VILLAGE_COMMITTEE,
						Role.VILLAGE_REPORTER));
		Visitor hotline = StaffFixtures.signedIn(port,
				fixtures.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.HOTLINE_OPERATOR));
		for (Visitor refused : new Visitor[] { reporter, hotline, staff.clerk, staff.handler }) {
			Page answer = refused.get(read);
			assertProblem(answer, 403, "relief.not-allowed");
			assertThat(answer.body()).doesNotContain("央金");
		}
		assertProblem(tongdeHospital.get(read), 403, "relief.out-of-scope");
	}

	private static String bill(String idNumber, String name, String admission, String level, String inPolicy,
			String outOfPolicy, String total, String patientClass) {
		return """
				{"idNumber": "%s", "patientName": "%s", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "%s", "admissionNumber": "%s", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": %s, "outOfPolicy": %s, "total": %s, "patientClass": "%s"}"""
			.formatted(idNumber, name, level, admission, LocalDate.now().minusDays(10), LocalDate.now().minusDays(1),
					inPolicy, outOfPolicy, total, patientClass);
	}

	/** A registered person heading a household that holds the minimum living allowance (低保, class 2). */
	private String allowanceRecipient(String name) {
		String idNumber = idNumber();
		String person = CaseFixtures.idOf(staff.clerk.json("POST", "/api/v1/persons", """
				{"name": "%s", "idNumber": "%s", "residence": "632521101201"}""".formatted(name, idNumber)));
		String household = CaseFixtures.idOf(
				staff.clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		Page standing = staff.handler.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "共民〔2024〕12号",
				 "validFrom": "2024-01-01"}""".formatted(household));
		assertThat(standing.status()).as(standing.body()).isEqualTo(201);
		lastPerson = person;
		return idNumber;
	}

	private static String idNumber() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

	private Visitor partnerHospital() {
		Visitor admin = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		admin.get("/admin/clients");
		Page registered = admin.post("/admin/clients",
				Map.of("name", "共和县人民医院HIS", "unitId", hospitalUnit, "scopes", "medical-settlements:write"));
		String clientId = registered.body().replaceAll("(?s).*<code id=\"client-id\">([^<]+)</code>.*", "$1");
		String secret = registered.body().replaceAll("(?s).*<code id=\"client-secret\">([^<]+)</code>.*", "$1");
		Visitor partner = new Visitor(port);
		Page token = partner.send(HttpRequest.newBuilder(partner.uri("/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		bearer = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		return partner;
	}

	String bearer;

	String lastPerson;

	private HttpRequest.Builder json(Visitor partner, String path, String body) {
		return HttpRequest.newBuilder(partner.uri(path))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

}
