package org.jijinan.relief;

import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.Visitor.Page;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;
import static org.jijinan.relief.ReliefStaff.proposal;

/**
 * Temporary-assistance decisions: the amount computed from the parameters with its explanation, routing to the
 * township or the county by amount, four eyes, the case-by-case override, refusal with a reason sent to the
 * applicant, and the case moving with the decision.
 */
@SystemTest
class DecisionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ReliefStaff staff;

	@BeforeEach
	void signIn() {
		staff = new ReliefStaff(port, context);
	}

	@Test
	void computesTheAmountAndExplainsIt() {
		String number = staff.investigatedCase();

		Page computed = staff.handler.get("/api/v1/cases/" + number
				+ "/relief-computation?cause=FIRE&band=%E4%BA%8C%E6%A1%A3&persons=3&urban=false");

		// 520 × 1 × 3 months × 3 persons × 60 % = 2,808
		assertThat(computed.body()).contains("\"formula\":2808.00").contains("\"amount\":2808.00")
			.doesNotContain("capApplied");
		Page capped = staff.handler.get("/api/v1/cases/" + number
				+ "/relief-computation?cause=FIRE&band=%E4%B8%80%E6%A1%A3&persons=4&urban=false");
		assertThat(capped.body()).contains("\"formula\":6240.00").contains("\"amount\":6000.00")
			.contains("\"capApplied\":\"PER_GRANT\"");
	}

	@Test
	void letsTheTownshipDecideSmallAmountsWithFourEyes() {
		String number = staff.investigatedCase();
		Page proposed = staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("2000", ""));
		String id = idOf(proposed);
		assertThat(proposed.body()).contains("\"level\":\"TOWNSHIP\"").contains("\"computedAmount\":6000.00")
			.contains("农村低保标准 520.00 元/人·月 × 1 倍 × 3 个月 × 4 人 × 一档 100% = 6240.00 元")
			.contains("\"payeeAccount\":\"6228 **** **** 5678\"").doesNotContain("6228480086012345678");
		assertThat(staff.handler.get("/api/v1/cases/" + number).body()).contains("\"status\":\"AWAITING_DECISION\"");

		assertProblem(staff.handler.json("POST", "/api/v1/decisions/" + id + "/review", ""), 403, "relief.four-eyes");
		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/approval", ""), 409,
				"relief.illegal-transition");
		assertThat(staff.reviewer.json("POST", "/api/v1/decisions/" + id + "/review", "").body())
			.contains("\"status\":\"REVIEWED\"");
		assertProblem(staff.reviewer.json("POST", "/api/v1/decisions/" + id + "/approval", ""), 403, "relief.four-eyes");
		Page approved = staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/approval", "");

		assertThat(approved.body()).contains("\"status\":\"APPROVED\"");
		assertThat(staff.handler.get("/api/v1/cases/" + number).body()).contains("\"status\":\"DECIDED\"");
		assertProblem(staff.countyApprover.json("POST", "/api/v1/decisions/" + id + "/approval", ""), 409,
				"relief.illegal-transition");
		assertThat(staff.handler.get("/api/v1/cases/" + number + "/timeline").body())
			.contains("\"kind\":\"RELIEF_PROPOSED\"").contains("\"kind\":\"RELIEF_APPROVED\"")
			.contains("现金 2000.00 元（乡镇审批）");
	}

	@Test
	void sendsLargerAmountsToTheCounty() {
		String number = staff.investigatedCase();
		String id = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("5000", "")));

		assertThat(staff.handler.get("/api/v1/decisions/" + id).body()).contains("\"level\":\"COUNTY\"");
		assertProblem(staff.reviewer.json("POST", "/api/v1/decisions/" + id + "/review", ""), 403, "relief.county-level");
		assertThat(staff.countyReviewer.json("POST", "/api/v1/decisions/" + id + "/review", "").status()).isEqualTo(200);
		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/approval", ""), 403,
				"relief.county-level");
		assertThat(staff.countyApprover.json("POST", "/api/v1/decisions/" + id + "/approval", "").body())
			.contains("\"status\":\"APPROVED\"");
	}

	@Test
	void handsTheApprovalStepToWhoeverActedLastAndTheCountyBureau() {
		String number = staff.investigatedCase();
		String id = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("5000", "")));
		String steps = "/api/v1/supervision/cases/" + number + "/steps";

		assertThat(approvalStep(staff.countyReviewer.get(steps).body())).contains("\"unitName\":\"共和县民政局\"")
			.contains("\"responsible\":\"" + staff.handlerName + "\"");
		staff.countyReviewer.json("POST", "/api/v1/decisions/" + id + "/review", "");
		assertThat(approvalStep(staff.countyReviewer.get(steps).body())).doesNotContain(staff.handlerName);
		staff.countyApprover.json("POST", "/api/v1/decisions/" + id + "/refusal", "{\"reason\": \"经核查已获商业保险赔付\"}");

		assertThat(staff.countyReviewer.get(steps).body()).contains("\"kind\":\"PAYMENT\"")
			.doesNotContain("\"status\":\"OPEN\"");
	}

	private static String approvalStep(String steps) {
		return steps.replaceAll("(?s).*(\\{[^{}]*\"kind\":\"APPROVAL\"[^{}]*\\}).*", "$1");
	}

	@Test
	void allowsMoreThanTheRulesOnlyCaseByCaseAtTheCounty() {
		String number = staff.investigatedCase();

		assertProblem(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("8000", "")), 422,
				"relief.over-computed-amount");
		Page proposed = staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions",
				proposal("8000", ", \"overrideReason\": \"房屋全毁，四口人冬季无处安身，需租房过冬\""));

		assertThat(proposed.body()).contains("\"level\":\"COUNTY\"").contains("\"cashAmount\":8000.00")
			.contains("房屋全毁");
	}

	@Test
	void refusesWithAReasonTheApplicantIsSent() {
		String number = staff.investigatedCase(IntakeTests.request("EMERGENCY", "13909745555", "FIRE"));
		String id = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("1000", "")));

		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/refusal", "{\"reason\": \" \"}"),
				400, "relief.refusal-reason-required");
		assertProblem(staff.reviewer.json("POST", "/api/v1/decisions/" + id + "/refusal",
				"{\"reason\": \"家庭存款足以应对\"}"), 403, "relief.not-allowed");
		Page refused = staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/refusal",
				"{\"reason\": \"经核查，保险理赔已足额覆盖损失\"}");

		assertThat(refused.body()).contains("\"status\":\"REFUSED\"").contains("保险理赔已足额覆盖损失");
		assertThat(staff.handler.get("/api/v1/cases/" + number).body()).contains("\"status\":\"DECIDED\"");
		// One text per request of the case, keyed by the request and the decision.
		await().untilAsserted(() -> assertThat(jdbc.sql("select body from notify_message where source_key like :key")
			.param("key", "aid-refused:%:" + id)
			.query(String.class)
			.optional()).hasValueSatisfying(body -> assertThat(body).contains("不予救助").contains("保险理赔已足额覆盖损失")));
	}

	@Test
	void refusesBadProposalsWithTheirReason() {
		String number = staff.investigatedCase();
		String path = "/api/v1/cases/" + number + "/decisions";

		assertProblem(staff.handler.json("POST", path, proposal("-5", "")), 422, "relief.amount-invalid");
		assertProblem(staff.handler.json("POST", path, proposal("10.005", "")), 422, "relief.amount-invalid");
		assertProblem(staff.handler.json("POST", path, proposal("0", "")), 400, "relief.nothing-proposed");
		assertProblem(staff.handler.json("POST", path, proposal("100", "").replace("一档", "九档")), 400,
				"relief.unknown-band");
		assertProblem(staff.handler.json("POST", path, proposal("100", "").replace("\"FIRE\"", "\"DOMESTIC_VIOLENCE\"")),
				422, "relief.cause-not-in-case");
		assertProblem(staff.handler.json("POST", path, proposal("100", "").replace("6228480086012345678", "12ab")), 400,
				"relief.account-invalid");
		assertProblem(staff.handler.json("POST", path, "{\"cause\": \"FIRE\", \"band\": "), 400, "request.malformed-body");
		assertProblem(staff.clerk.json("POST", path, proposal("100", "")), 403, "relief.not-allowed");
		idOf(staff.handler.json("POST", path, proposal("100", "")));
		assertProblem(staff.handler.json("POST", path, proposal("200", "")), 409, "relief.proposal-pending");
		assertProblem(staff.handler.get("/api/v1/decisions/" + UUID.randomUUID()), 404, "relief.decision-not-found");
	}

	@Test
	void proposesGoodsOrAReferralWithoutCash() {
		String number = staff.investigatedCase();
		Page goods = staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 4, "urban": false, "cashAmount": 0,
				 "goods": "棉被 4 床、米面油一批", "goodsValue": 860, "referral": "转介县慈善总会住房援助项目"}""");

		assertThat(goods.body()).contains("\"cashAmount\":0.00").contains("\"goodsValue\":860.00")
			.contains("转介县慈善总会").doesNotContain("payeeAccount");
	}

}
