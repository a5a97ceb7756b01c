package org.jijinan.relief;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money leaving the platform, done by clicking what people see on an office screen: the township approver pays an
 * approved grant from the home page — payment batch, the bank's payout file, the bank's results — and finds it on the
 * household's assistance chain; the county hospital's settlement clerk settles the bill of a person the township's
 * window registered, and is told in place where an unknown patient must go first, with everything typed kept.
 */
@SystemTest
class ReliefJourneyBrowserTests {

	static final DivisionCode TANGGEMU = new DivisionCode("632521103");

	static final String VILLAGE = "632521103201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened clerk;

	Opened handler;

	Opened colleague;

	Opened approver;

	@BeforeEach
	void staff() {
		var staff = StaffFixtures.from(context);
		clerk = staff.named("塘格木窗口德吉", TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		handler = staff.named("塘格木经办扎西", TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		colleague = staff.named("塘格木审核完玛", TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		approver = staff.named("塘格木审批索南", TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
	}

	@Test
	void theApproverPaysFromTheHomePageAndTheBankResultReachesTheHouseholdsChain() throws Exception {
		String caseNumber = approvedCase("索南才让", "2808");

		try (Browser payer = office()) {
			Journeys.signIn(payer, approver);
			payer.click("已批准、待制作支付批次的款项");
			payer.click("生成发放批次");
			Journeys.noProblem(payer);
			payer.click("下载代发文件");
			Path payout = payer.downloadedFiles(".csv").get(0);
			String file = Files.readString(payout, StandardCharsets.UTF_8);
			String line = file.lines().filter(row -> row.contains(caseNumber)).findFirst().orElseThrow();
			assertThat(line).contains("索南才让,6228480086099990001,中国农业银行共和县支行,2808.00");
			assertThat(file).containsPattern("#hmac-sha256=[0-9a-f]{64}\n$");
			String order = line.split(",")[1];

			Path results = Files.createTempDirectory("bank-results").resolve("回盘.csv");
			Files.writeString(results, "order,result,bank_reference,reason\n" + order + ",成功,ABC20261128001,\n");
			payer.attach("银行回盘文件（CSV）", results);
			payer.click("导入银行回盘");
			assertThat(payer.text(By.id("report"))).contains("成功 1 笔");

			payer.click("个案");
			payer.click(caseNumber);
			assertThat(payer.text(By.id("case-status"))).contains("救助实施");
			payer.click("救助");
			assertThat(payer.text(By.id("chain-totals"))).contains("临时救助 现金 2,808 元");
			assertThat(payer.pageText()).doesNotContain(approver.username()).doesNotContain(handler.username());
			Journeys.record("money", "township approver pays from the home page and reads the chain", payer);
		}
	}

	@Test
	void theHospitalSettlesAPersonTheWindowRegisteredAndIsToldWhereAnUnknownPatientMustGo() throws Exception {
		String idNumber = TestIdNumbers.fresh();
		Visitor window = StaffFixtures.signedIn(port, clerk);
		Visitor.Page received = window.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909743311",
				 "subjectIdNumber": "%s", "subjectName": "多杰才让", "village": "%s",
				 "description": "突发脑出血住院，家中无力负担医疗费", "causes": ["MEDICAL_SPENDING"]}""".formatted(idNumber, VILLAGE));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		Opened hospitalClerk = StaffFixtures.from(context)
			.named("医院结算拉姆", StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		try (Browser hospital = office()) {
			Journeys.signIn(hospital, hospitalClerk);
			hospital.click("一站式结算");
			hospital.fill("医疗机构编码", "H632521001");
			hospital.fill("医疗机构", "共和县人民医院");
			hospital.choose("医疗机构等级", "二级（县级医院）");
			fillBill(hospital, idNumber, "多杰才让", today.minusDays(6), "12000", "800", "12800");
			hospital.click("预结算（估算）");
			Journeys.noProblem(hospital);
			assertThat(hospital.text(By.id("estimate-result"))).as("the pre-settlement says it is an estimate")
				.contains("仅为").contains("12800");
			String estimatedBasic = hospital.text(By.id("estimate-basic"));
			assertThat(estimatedBasic).as("basic insurance's share worked out from the parameters").isNotEqualTo("0.00");
			assertThat(hospital.valueOf("总费用（元）")).as("the bill is kept for the settlement").isEqualTo("12800");

			hospital.fill("患者身份证号", idNumber);
			hospital.click("结算");
			assertThat(hospital.text(By.id("insurer-problem"))).as("settling needs what the insurers paid")
				.contains("医保系统结算后");
			assertThat(hospital.valueOf("政策范围内费用（元）")).isEqualTo("12000");
			hospital.fill("患者身份证号", idNumber);
			hospital.fill("基本医保实际支付（元）", "8000");
			hospital.fill("基本医保结算流水号", "JB-20261207-01");
			hospital.fill("大病保险实际支付（元）", "0");
			hospital.click("结算");
			Journeys.noProblem(hospital);
			assertThat(hospital.text(By.id("settlement-patient"))).isEqualTo("多杰才让");
			assertThat(hospital.text(By.id("split"))).contains("12800").contains("JB-20261207-01");
			assertThat(hospital.text(By.id("split-basic"))).as("what basic insurance really paid").isEqualTo("8000.00");
			assertThat(hospital.text(By.id("settlement-basis"))).contains("医保实际结算");
			assertThat(hospital.pageText()).contains("医院结算拉姆").doesNotContain(hospitalClerk.username())
				.doesNotContain(idNumber);
			Journeys.record("hospital", "settlement clerk settles a patient the window registered", hospital);

			hospital.journey().reset();
			hospital.click("一站式结算");
			assertThat(hospital.valueOf("医疗机构")).as("the hospital is remembered from the last settlement")
				.isEqualTo("共和县人民医院");
			assertThat(hospital.valueOf("医疗机构编码")).isEqualTo("H632521001");
			String unknown = TestIdNumbers.fresh();
			fillBill(hospital, unknown, "未登记患者", today.minusDays(3), "3000", "0", "3000");
			hospital.click("结算");
			assertThat(hospital.text(By.id("patient-problem"))).isNotBlank();
			assertThat(hospital.pageText()).contains("请患者户籍所在乡镇先登记，再来结算。");
			assertThat(hospital.offers("先登记此人")).as("a hospital does not register people").isFalse();
			assertThat(hospital.valueOf("患者姓名")).isEqualTo("未登记患者");
			assertThat(hospital.valueOf("住院号")).isEqualTo("ZY-" + unknown.substring(10));
			assertThat(hospital.valueOf("总费用（元）")).isEqualTo("3000");
			assertThat(hospital.valueOf("入院日期")).isEqualTo(today.minusDays(3).toString());
			Journeys.record("hospital", "settlement clerk is refused for an unknown patient, typing kept", hospital);
		}
	}

	/**
	 * Types one patient's bill, as the clerk copies it from the hospital's discharge record (discharged today).
	 */
	private static void fillBill(Browser hospital, String idNumber, String name, LocalDate admitted, String inPolicy,
			String outOfPolicy, String total) {
		hospital.fill("患者身份证号", idNumber);
		hospital.fill("患者姓名", name);
		hospital.fill("住院号", "ZY-" + idNumber.substring(10));
		hospital.fill("入院日期", admitted.toString());
		hospital.fill("出院日期", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		hospital.fill("政策范围内费用（元）", inPolicy);
		hospital.fill("政策范围外费用（元）", outOfPolicy);
		hospital.fill("总费用（元）", total);
	}

	/**
	 * A case of the township with temporary assistance approved at the township's level, made through the API as the
	 * township's staff would on their pages.
	 */
	private String approvedCase(String name, String cash) {
		Visitor window = StaffFixtures.signedIn(port, clerk);
		Visitor desk = StaffFixtures.signedIn(port, handler);
		String caseNumber = CaseFixtures.acceptedCase(window, desk, """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "13909743210",
				 "subjectIdNumber": "%s", "subjectName": "%s", "village": "%s",
				 "description": "冬季取暖引发火灾，房屋和口粮被烧毁", "causes": ["FIRE"]}""".formatted(TestIdNumbers.fresh(), name,
				VILLAGE));
		assertThat(desk.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);
		Visitor.Page visit = desk.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋烧毁，口粮无存，一家三口借住亲戚家\"}"
					.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")), colleague.username()));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		String visitId = visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		Visitor second = StaffFixtures.signedIn(port, colleague);
		assertThat(second.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + visitId + "/confirmation", "")
			.status()).isEqualTo(200);
		Visitor.Page proposed = desk.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "FIRE", "band": "二档", "persons": 3, "urban": false, "cashAmount": %s,
				 "payeeName": "%s", "payeeAccount": "6228480086099990001", "payeeBank": "中国农业银行共和县支行"}"""
			.formatted(cash, name));
		String decision = CaseFixtures.idOf(proposed);
		assertThat(second.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		Visitor.Page approved = StaffFixtures.signedIn(port, approver)
			.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		return caseNumber;
	}

	private Browser office() throws java.io.IOException {
		return Browser.start(port, 1366, 900);
	}

}
