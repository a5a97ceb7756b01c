package org.jijinan.relief;

import java.time.LocalDate;
import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

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
	void refusesMalformedParametersOnTheAdministratorsPage() {
		Page page = admin.get("/admin/relief-policies");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("632521").contains("示例值").contains("urbanStandard");

		Page malformed = admin.post("/admin/relief-policies", Map.of("region", "632521103", "validFrom", "2045-01-01",
				"rules", "{\"urbanStandard\": "));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("无法读取救助参数");
		Page overlapping = admin.post("/admin/relief-policies", Map.of("region", "632521", "validFrom", "2030-01-01",
				"rules", page.body().replaceAll("(?s).*<textarea id=\"policy-rules\"[^>]*>(.*?)</textarea>.*", "$1")
					.replace("&quot;", "\"")));
		assertThat(overlapping.status()).isEqualTo(422);
		assertThat(overlapping.body()).contains("在该期间内已有救助参数");
		assertThat(staff.reviewer.get("/admin/relief-policies").status()).isEqualTo(403);
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
