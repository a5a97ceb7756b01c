package org.jijinan.complaints;

import java.math.BigDecimal;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.relief.ReliefStaff;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous fraud report, found true, stops a household's aid: the payment order not yet sent is cancelled with
 * the reason, the emergency aid already paid from the township reserve is recovered in two instalments against
 * receipts, the reserve gets its money back, and the waiver of what is owed needs a second county approver.
 */
@SystemTest
class FraudRecoveryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DAOTANGHE = "632521101";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnonymousFraudReportLeadsToARecoveryIn2InstalmentsAndABalancedLedger() {
		var relief = new ReliefStaff(port, context);
		var staff = StaffFixtures.from(context);
		Visitor hotline = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));
		Visitor bureau = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		assertThat(relief.countyApprover.json("POST", "/api/v1/reserve-funds/" + DAOTANGHE + "/top-ups",
				"{\"amount\": 3000, \"reference\": \"BK-%s\"}".formatted(UUID.randomUUID().toString().substring(0, 8)))
			.status()).isEqualTo(200);

		JsonNode recoveredBefore = JSON.readTree(bureau.get("/api/v1/dashboard").body()).path("recoveries");
		String caseNumber = relief.investigatedCase();
		BigDecimal before = balance(relief.countyApprover);
		Page granted = relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid",
				"{\"cause\": \"FIRE\", \"amount\": 1500, \"situation\": \"自称房屋失火，一家人无处安身\"}");
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		String decision = CaseFixtures.idOf(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("2000", "")));
		relief.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "");
		assertThat(relief.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", "").status())
			.isEqualTo(200);
		assertThat(orderStatus(decision)).isEqualTo("PENDING");

		Page reported = hotline.json("POST", "/api/v1/complaints", """
				{"kind": "FRAUD", "anonymous": true, "reference": "%s", "channel": "HOTLINE",
				 "text": "那户人家的房子根本没有失火，是拿别人的照片骗救助"}""".formatted(caseNumber));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		String number = JSON.readTree(reported.body()).path("number").asString();
		bureau.json("POST", "/api/v1/complaints/" + number + "/acknowledgement", "");
		Page answered = bureau.json("POST", "/api/v1/complaints/" + number + "/answer", """
				{"investigation": "入户核查，房屋完好，照片取自他人", "finding": "FOUNDED",
				 "answer": "举报属实，已停发救助并追回已发放款项。", "caseNumber": "%s", "stop": true}""".formatted(caseNumber));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);

		assertThat(orderStatus(decision)).as("the order not yet sent").isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select cancel_reason from relief_payment_order where decision_id = :d")
			.param("d", UUID.fromString(decision))
			.query(String.class)
			.single()).contains(number);
		JsonNode recoveries = JSON.readTree(bureau.get("/api/v1/cases/" + caseNumber + "/recoveries").body());
		assertThat(recoveries).hasSize(1);
		JsonNode recovery = recoveries.get(0);
		assertThat(recovery.path("source").asString()).isEqualTo("EMERGENCY");
		assertThat(recovery.path("fund").asString()).isEqualTo("RESERVE");
		assertThat(recovery.path("amount").decimalValue()).isEqualByComparingTo("1500");
		String recoveryNumber = recovery.path("number").asString();
		assertThat(recoveryNumber).matches("ZH-\\d{4}-\\d{6}");
		assertThat(relief.handler.get("/api/v1/cases/" + caseNumber + "/timeline").body()).contains("停发并追回")
			.contains("撤销未发送的支付指令");

		Page first = relief.townshipApprover.json("POST", "/api/v1/recoveries/" + recoveryNumber + "/instalments",
				"{\"amount\": 800, \"receipt\": \"SJ-0001\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST",
				"/api/v1/recoveries/" + recoveryNumber + "/instalments", "{\"amount\": 100, \"receipt\": \"SJ-0001\"}"),
				409, "relief.recovery-receipt-used");
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST",
				"/api/v1/recoveries/" + recoveryNumber + "/instalments", "{\"amount\": 800, \"receipt\": \"SJ-0002\"}"),
				422, "relief.recovery-over-outstanding");
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST",
				"/api/v1/recoveries/" + recoveryNumber + "/instalments", "{\"amount\": -5, \"receipt\": \"SJ-0002\"}"),
				400, "relief.amount-invalid");
		Page second = relief.townshipApprover.json("POST", "/api/v1/recoveries/" + recoveryNumber + "/instalments",
				"{\"amount\": 700, \"receipt\": \"SJ-0002\"}");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		JsonNode settled = JSON.readTree(second.body());
		assertThat(settled.path("outstanding").decimalValue()).isEqualByComparingTo("0");
		assertThat(settled.path("recovered").decimalValue()).isEqualByComparingTo("1500");
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST",
				"/api/v1/recoveries/" + recoveryNumber + "/instalments", "{\"amount\": 1, \"receipt\": \"SJ-0003\"}"),
				409, "relief.recovery-settled");

		// The reserve holds again what it held before the grant: 1,500 spent, 1,500 returned in two entries.
		assertThat(balance(relief.countyApprover)).isEqualByComparingTo(before);
		assertThat(jdbc.sql("""
				select coalesce(sum(amount), 0) from relief_reserve_entry
				 where township = :t and kind = 'RECOVERY' and reference like :r""")
			.param("t", DAOTANGHE)
			.param("r", recoveryNumber + "/%")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1500");
		assertThat(relief.handler.get("/api/v1/cases/" + caseNumber + "/assistance-chain").body())
			.contains(recoveryNumber);
		JsonNode recoveredAfter = JSON.readTree(bureau.get("/api/v1/dashboard").body()).path("recoveries");
		assertThat(recoveredAfter.path("recovered").decimalValue()
			.subtract(recoveredBefore.path("recovered").decimalValue())).isEqualByComparingTo("1500");
		assertThat(recoveredAfter.path("opened").asLong()).isEqualTo(recoveredBefore.path("opened").asLong() + 1);
	}

	@Test
	void aWaiverNeedsASecondCountyApprover() {
		var relief = new ReliefStaff(port, context);
		var staff = StaffFixtures.from(context);
		Visitor otherApprover = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		relief.countyApprover.json("POST", "/api/v1/reserve-funds/" + DAOTANGHE + "/top-ups",
				"{\"amount\": 1000, \"reference\": \"BK-%s\"}".formatted(UUID.randomUUID().toString().substring(0, 8)));
		String caseNumber = relief.investigatedCase();
		relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid",
				"{\"cause\": \"FIRE\", \"amount\": 600, \"situation\": \"房屋失火\"}");
		CaseFixtures.assertProblem(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/recoveries",
				"{\"grounds\": \"卫健部门数据显示不符合条件\"}"), 403, "relief.recovery-not-allowed");
		CaseFixtures.assertProblem(relief.countyReviewer.json("POST", "/api/v1/cases/" + caseNumber + "/recoveries",
				"{\"grounds\": \" \"}"), 400, "relief.recovery-grounds-required");
		Page stopped = relief.countyReviewer.json("POST", "/api/v1/cases/" + caseNumber + "/recoveries",
				"{\"grounds\": \"卫健部门数据显示家庭不符合条件\"}");
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		String recovery = JSON.readTree(stopped.body()).get(0).path("number").asString();
		assertThat(JSON.readTree(relief.countyReviewer.json("POST", "/api/v1/cases/" + caseNumber + "/recoveries",
				"{\"grounds\": \"再次停发\"}").body())).as("stopping again opens nothing new").hasSize(1);

		Page asked = relief.countyApprover.json("POST", "/api/v1/recoveries/" + recovery + "/waivers",
				"{\"amount\": 200, \"reason\": \"家庭确有困难，经集体研究减免部分\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		CaseFixtures.assertProblem(relief.countyApprover.json("POST", "/api/v1/recoveries/" + recovery + "/waivers",
				"{\"amount\": 100, \"reason\": \"再减一些\"}"), 409, "relief.waiver-pending");
		CaseFixtures.assertProblem(relief.countyApprover.json("POST",
				"/api/v1/recoveries/" + recovery + "/waiver-approval", ""), 403, "relief.four-eyes");
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST",
				"/api/v1/recoveries/" + recovery + "/waiver-approval", ""), 403, "relief.recovery-not-allowed");
		Page approved = otherApprover.json("POST", "/api/v1/recoveries/" + recovery + "/waiver-approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		JsonNode view = JSON.readTree(approved.body());
		assertThat(view.path("waived").decimalValue()).isEqualByComparingTo("200");
		assertThat(view.path("outstanding").decimalValue()).isEqualByComparingTo("400");
		CaseFixtures.assertProblem(otherApprover.json("POST", "/api/v1/recoveries/ZH-2026-999999/instalments",
				"{\"amount\": 1, \"receipt\": \"X\"}"), 404, "relief.recovery-not-found");
	}

	@Test
	void aPaymentAlreadySentWhenAidIsStoppedIsRecoveredAndNeverIssuedAgain() {
		var relief = new ReliefStaff(port, context);
		String caseNumber = relief.investigatedCase();
		String decision = CaseFixtures.idOf(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("900", "")));
		relief.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "");
		relief.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		Page batch = relief.townshipApprover.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		assertThat(orderStatus(decision)).isEqualTo("BATCHED");

		Page stopped = relief.countyReviewer.json("POST", "/api/v1/cases/" + caseNumber + "/recoveries",
				"{\"grounds\": \"住建部门数据显示该户另有住房\"}");
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		JsonNode recovery = JSON.readTree(stopped.body()).get(0);
		assertThat(recovery.path("source").asString()).isEqualTo("DECISION");
		assertThat(recovery.path("amount").decimalValue()).as("the money on its way to the bank")
			.isEqualByComparingTo("900");
		assertThat(orderStatus(decision)).as("an order already sent is not cancelled").isEqualTo("BATCHED");

		String order = jdbc.sql("select id from relief_payment_order where decision_id = :d")
			.param("d", UUID.fromString(decision))
			.query(UUID.class)
			.single()
			.toString();
		Page failed = org.jijinan.relief.PaymentFixtures.bankResults(relief.townshipApprover,
				JSON.readTree(batch.body()).path("id").asString(),
				"order,result,bank_reference,reason\n" + order + ",FAILED,,账户已冻结\n");
		assertThat(failed.status()).as(failed.body()).isEqualTo(200);
		CaseFixtures.assertProblem(relief.townshipApprover.json("POST", "/api/v1/payment-orders/" + order + "/reissue",
				"{}"), 409, "relief.aid-stopped");
		assertThat(jdbc.sql("select count(*) from relief_payment_order where decision_id = :d")
			.param("d", UUID.fromString(decision))
			.query(Long.class)
			.single()).as("no second order").isEqualTo(1);
	}

	private BigDecimal balance(Visitor county) {
		return new BigDecimal(county.get("/api/v1/reserve-funds/" + DAOTANGHE)
			.body()
			.replaceAll("(?s).*\"balance\":([0-9.]+).*", "$1"));
	}

	private String orderStatus(String decision) {
		return jdbc.sql("select status from relief_payment_order where decision_id = :d")
			.param("d", UUID.fromString(decision))
			.query(String.class)
			.single();
	}

}
