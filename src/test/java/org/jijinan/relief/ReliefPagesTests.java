package org.jijinan.relief;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relief pages answer bad input with the form shown again, a 4xx and the reason in Chinese — never a 500 — and
 * keep what staff may not see out of reach.
 */
@SystemTest
class ReliefPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ReliefStaff staff;

	Visitor hospital;

	Visitor admin;

	@BeforeEach
	void signIn() {
		staff = new ReliefStaff(port, context);
		var fixtures = StaffFixtures.from(context);
		hospital = StaffFixtures.signedIn(port,
				fixtures.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		admin = StaffFixtures.signedIn(port,
				fixtures.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
	}

	@Test
	void showsTheComputationAndRefusesABadProposalOnTheCasePage() {
		String number = staff.investigatedCase();
		Page page = staff.handler.get("/cases/" + number + "/relief");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("提出临时救助").contains("火灾").contains("一户一条救助链");

		Page computed = staff.handler.post("/cases/" + number + "/relief/proposals",
				Map.of("action", "compute", "cause", "FIRE", "band", "一档", "persons", "2"));
		assertThat(computed.status()).isEqualTo(200);
		assertThat(computed.body()).contains("3120.00").contains("农村低保标准 520.00 元/人·月");
		String carried = computed.body().replaceAll("(?s).*<input id=\"cash\"[^>]*value=\"([^\"]*)\".*", "$1");
		assertThat(carried).as("the calculated amount is carried into the cash field").isEqualTo("3120.00");

		Page letters = staff.handler.post("/cases/" + number + "/relief/proposals",
				Map.of("action", "propose", "cause", "FIRE", "band", "一档", "persons", "2", "cashAmount", "三千元"));
		assertThat(letters.status()).isEqualTo(422);
		assertThat(letters.body()).contains("金额不能为负数");
		Page persons = staff.handler.post("/cases/" + number + "/relief/proposals",
				Map.of("action", "compute", "cause", "FIRE", "band", "一档", "persons", "many"));
		assertThat(persons.status()).isEqualTo(400);
		assertThat(persons.body()).contains("家庭人口须在 1 到 30 人之间");
		Map<String, String> proposal = new java.util.HashMap<>(Map.of("action", "propose", "cause", "FIRE", "band", "一档",
				"persons", "2", "cashAmount", carried, "payeeName", "才让", "payeeAccount", "6228480086012345678",
				"payeeBank", "中国农业银行共和县支行"));
		proposal.put("urban", "false");
		Page proposed = staff.handler.post("/cases/" + number + "/relief/proposals", proposal);
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
		assertThat(staff.handler.get("/api/v1/cases/" + number + "/decisions").body())
			.as("proposed with the amount the form carried").contains("\"cashAmount\":3120.00");
		Page noReason = staff.townshipApprover.post("/cases/" + number + "/relief/emergency-aid",
				Map.of("cause", "FIRE", "amount", "500", "situation", ""));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("请说明情况紧急的原因");
	}

	@Test
	void settlesAtTheWindowAndRefusesABillThatDoesNotAddUp() {
		Page window = hospital.get("/relief/settlements");
		assertThat(window.status()).isEqualTo(200);
		Map<String, String> bill = new java.util.HashMap<>(Map.of("idNumber", "632521199001011234", "patientName", "拉毛",
				"hospitalCode", "H632521001", "hospitalName", "共和县人民医院", "hospitalLevel", "SECONDARY",
				"admissionNumber", "ZY-1", "admittedOn", LocalDate.now().minusDays(5).toString(), "dischargedOn",
				LocalDate.now().toString(), "inPolicy", "1000", "outOfPolicy", "10"));
		bill.put("total", "2000");

		Page refused = hospital.post("/relief/settlements", bill);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("费用不平").doesNotContain("632521199001011234");
		Map<String, String> badDate = new java.util.HashMap<>(bill);
		badDate.put("admittedOn", "2026-02-31");
		assertThat(hospital.post("/relief/settlements", badDate).status()).isEqualTo(422);
		assertThat(staff.clerk.get("/relief/settlements").status()).isEqualTo(403);
	}

	@Test
	void anUnknownPatientIsRefusedBesideTheIdNumberAndWhoMayRegisterIsOfferedToRegisterThemFirst() {
		String unknown = org.jijinan.shared.TestIdNumbers.fresh();
		Map<String, String> bill = new java.util.HashMap<>(Map.of("idNumber", unknown, "patientName", "无名患者才让",
				"hospitalCode", "H632521001", "hospitalName", "共和县人民医院", "hospitalLevel", "SECONDARY",
				"admissionNumber", "ZY-UNKNOWN-1", "admittedOn", LocalDate.now().minusDays(5).toString(),
				"dischargedOn", LocalDate.now().toString(), "inPolicy", "1000", "outOfPolicy", "10"));
		bill.put("total", "1010");

		Page atHospital = hospital.post("/relief/settlements", bill);
		assertThat(atHospital.status()).isEqualTo(422);
		assertThat(atHospital.body()).contains("id=\"patient-problem\"")
			.contains("请患者户籍所在乡镇先登记")
			.contains("value=\"共和县人民医院\"")
			.contains("value=\"ZY-UNKNOWN-1\"")
			.doesNotContain("register-patient")
			.doesNotContain(unknown);

		Page atCounty = staff.countyReviewer.post("/relief/settlements", bill);
		assertThat(atCounty.status()).isEqualTo(422);
		assertThat(atCounty.body()).contains("id=\"register-patient\"").contains("先登记此人").doesNotContain(unknown);

		Page draft = staff.countyReviewer.post("/people/new", Map.of("name", "无名患者才让"));
		assertThat(draft.status()).isEqualTo(200);
		assertThat(draft.body()).contains("value=\"无名患者才让\"")
			.contains("id=\"residence\"")
			.contains("label=\"恰卜恰镇\"")
			.doesNotContain("户籍地（村代码）");
	}

	@Test
	void entersNewParametersInAFormWithRegionsAndCausesByName() {
		Page page = admin.get("/admin/relief-policies");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("共和县").contains("示例值").contains("<td>火灾</td>")
			.contains("<option value=\"632521104\">黑马河镇</option>")
			.doesNotContain("<td>FIRE</td>").doesNotContain("<span>632521</span>").doesNotContain("urbanStandard\":");
		assertThat(page.body()).as("prefilled from the parameters in force")
			.containsPattern("name=\"urbanStandard\" value=\"[0-9.]+\"")
			.containsPattern("name=\"multiple.FIRE\"[^>]*value=\"[0-9.]+\"");
		int year = 2070 + (int) (System.nanoTime() % 25);
		Map<String, String> fields = policyForm(page, year);

		Page saved = admin.post("/admin/relief-policies", fields);

		assertThat(saved.redirectsTo("/admin/relief-policies")).as(saved.body()).isTrue();
		Page after = admin.get("/admin/relief-policies");
		assertThat(after.body()).contains("黑马河镇").contains(year + "/1/1 – " + year + "/12/31").contains("共政发 9 号");
		PolicyView inForce = context.getBean(ReliefPolicies.class)
			.inForce(DivisionCode.of("632521104"), LocalDate.of(year, 6, 1));
		assertThat(inForce.region().value()).isEqualTo("632521104");
		assertThat(inForce.rules().urbanStandard()).isEqualByComparingTo("812.50");
		assertThat(inForce.rules().paperworkWorkingDays()).isEqualTo(7);
		assertThat(inForce.rules().hardshipRule("FIRE")).get().satisfies(fire -> {
			assertThat(fire.multiple()).isEqualByComparingTo("1.2");
			assertThat(fire.perGrantCap()).isEqualByComparingTo("5000");
			assertThat(fire.oncePerYear()).isTrue();
			assertThat(fire.bands()).as("the bands of the parameters in force").hasSizeGreaterThan(1);
		});
		assertThat(inForce.rules().hardshipRule("TRAFFIC_ACCIDENT")).as("left empty: not covered").isEmpty();

		Map<String, String> overlapping = new HashMap<>(fields);
		overlapping.put("validFrom", year + "-03-01");
		overlapping.put("validTo", "");
		Page refused = admin.post("/admin/relief-policies", overlapping);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"validFrom-problem\"").contains("在该期间内已有救助参数")
			.contains("value=\"" + year + "-03-01\"");
	}

	@Test
	void refusesBadParametersBesideTheirFieldsAndKeepsWhatWasTyped() {
		Page page = admin.get("/admin/relief-policies");
		Map<String, String> fields = policyForm(page, 2099);
		fields.putAll(Map.of("urbanStandard", "-5", "validFrom", "2099-06-01", "validTo", "2099-01-01", "multiple.FIRE",
				"abc", "perGrantCap.FIRE", "12000", "paperworkWorkingDays", "0"));

		Page refused = admin.post("/admin/relief-policies", fields);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("参数未保存")
			.containsPattern("id=\"urbanStandard-problem\">请填写大于 0 的金额")
			.containsPattern("id=\"validTo-problem\">截止日期须不早于起始日期")
			.containsPattern("id=\"multiple.FIRE-problem\">请填写大于 0、不超过 10 的倍数")
			.containsPattern("id=\"paperworkWorkingDays-problem\">请填写 1 到 60 之间的整数")
			.contains("value=\"-5\"").contains("value=\"abc\"").contains("value=\"12000\"")
			.contains("value=\"2099-06-01\"").contains("value=\"2099-01-01\"").contains("value=\"共政发 9 号\"")
			.contains("<option value=\"632521104\" selected=\"selected\">黑马河镇</option>")
			.doesNotContain("Exception");
		assertThat(context.getBean(JdbcClient.class)
			.sql("select count(*) from relief_policy where region_code = '632521104' and valid_from = '2099-06-01'")
			.query(Long.class)
			.single()).as("nothing saved").isZero();

		fields.putAll(policyForm(page, 2099));
		fields.put("perGrantCap.FIRE", "20000");
		fields.put("householdYearlyCap.FIRE", "10000");
		Page capAboveYearly = admin.post("/admin/relief-policies", fields);
		assertThat(capAboveYearly.status()).isEqualTo(400);
		assertThat(capAboveYearly.body()).containsPattern("id=\"perGrantCap.FIRE-problem\">请填写大于 0 的金额");

		fields.putAll(policyForm(page, 2099));
		fields.put("region", "999999");
		Page elsewhere = admin.post("/admin/relief-policies", fields);
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.body()).containsPattern("id=\"region-problem\">请选择县或所辖乡镇");
		assertThat(staff.reviewer.get("/admin/relief-policies").status()).isEqualTo(403);
	}

	/**
	 * @return the new-parameters form as the page fills it, changed as an administrator would for a new document
	 */
	private static Map<String, String> policyForm(Page page, int year) {
		Map<String, String> fields = new HashMap<>();
		String form = page.body().substring(page.body().indexOf("id=\"new-policy\""));
		Matcher inputs = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
		while (inputs.find()) {
			fields.put(inputs.group(1), inputs.group(2));
		}
		Matcher checked = Pattern.compile("<input type=\"checkbox\" name=\"([^\"]+)\"[^>]*checked").matcher(form);
		while (checked.find()) {
			fields.put(checked.group(1), "on");
		}
		fields.remove("_csrf");
		fields.putAll(Map.of("region", "632521104", "validFrom", year + "-01-01", "validTo", year + "-12-31", "note",
				"共政发 9 号", "urbanStandard", "812.50", "paperworkWorkingDays", "7"));
		fields.putAll(Map.of("multiple.FIRE", "1.2", "months.FIRE", "3", "perGrantCap.FIRE", "5000",
				"householdYearlyCap.FIRE", "9000", "oncePerYear.FIRE", "on"));
		for (String field : List.of("multiple", "months", "perGrantCap", "householdYearlyCap")) {
			fields.put(field + ".TRAFFIC_ACCIDENT", "");
		}
		return fields;
	}

	@Test
	void showsPaymentsAndRefusesAnEmptyBatch() {
		Visitor payer = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Page page = payer.get("/relief/payments");
		assertThat(page.status()).isEqualTo(200);
		assertThat(payer.post("/relief/payments/batches", Map.of()).status()).isIn(302, 422);
		Page empty = payer.post("/relief/payments/batches", Map.of());
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.body()).contains("没有待发放的支付指令");
		assertThat(staff.clerk.get("/relief/payments").status()).isEqualTo(403);
	}

	@Test
	void keepsTheReserveAndGoodsOfATownship() {
		Page county = staff.countyApprover.get("/relief/reserve?township=632521101");
		assertThat(county.status()).isEqualTo(200);
		assertThat(county.body()).contains("倒淌河镇备用金").contains("拨付备用金");
		Page bad = staff.countyApprover.post("/relief/reserve/632521101/top-ups",
				Map.of("amount", "-100", "reference", "GH-1"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("金额不能为负数");
		String reference = "GH-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		assertThat(staff.countyApprover.post("/relief/reserve/632521101/top-ups",
				Map.of("amount", "5000", "reference", reference)).status()).isEqualTo(302);
		Page township = staff.handler.get("/relief/reserve");
		assertThat(township.body()).contains(reference).doesNotContain("拨付备用金</summary>");
		Page goods = staff.handler.post("/relief/reserve/632521101/goods",
				Map.of("item", "棉被", "unit", "床", "quantity", "zero", "reference", "RK-1"));
		assertThat(goods.status()).isEqualTo(422);
		assertThat(goods.body()).contains("数量须为 1 到 100000 的整数");
		assertThat(staff.handler.get("/relief/reserve?township=632521102").status()).isEqualTo(403);
		assertThat(staff.clerk.get("/relief/reserve").status()).isEqualTo(403);
	}

}
