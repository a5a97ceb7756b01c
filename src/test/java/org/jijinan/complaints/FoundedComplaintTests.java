package org.jijinan.complaints;

import java.util.Map;

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
 * A refused applicant complains; the bureau finds nothing wrong, the applicant is not satisfied, and the level above
 * finds the refusal wrong: the case goes back to decision with the complaint named, the township is ordered to act
 * and held responsible, and a corrected decision is approved by people other than its proposer.
 */
@SystemTest
class FoundedComplaintTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ComplaintLimits limits;

	@Test
	void theLevelAboveFindsARefusalWrongAndACorrectedDecisionIsApprovedUnderFourEyes() {
		limits.reset();
		var relief = new ReliefStaff(port, context);
		var staff = StaffFixtures.from(context);
		var bureau = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		var office = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.LEADER));
		String township = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK)
			.unitId()
			.value()
			.toString();

		JsonNode before = JSON.readTree(bureau.get("/api/v1/dashboard").body()).path("complaints");
		String caseNumber = relief.investigatedCase();
		String refusedDecision = CaseFixtures.idOf(relief.handler.json("POST",
				"/api/v1/cases/" + caseNumber + "/decisions", ReliefStaff.proposal("2000", "")));
		Page refused = relief.townshipApprover.json("POST", "/api/v1/decisions/" + refusedDecision + "/refusal",
				"{\"reason\": \"家庭收入超过当地标准\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);

		Page sent = relief.clerk.json("POST", "/api/v1/complaints", """
				{"kind": "DECISION_REFUSED", "subjectUnit": "%s", "reference": "%s", "channel": "WINDOW",
				 "text": "我家房子烧了，乡里说收入超标不给救助，可去年收入是按打工前算的", "phone": "13909743579"}"""
			.formatted(township, caseNumber));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String number = JSON.readTree(sent.body()).path("number").asString();

		bureau.json("POST", "/api/v1/complaints/" + number + "/acknowledgement", "");
		Page unfoundedButReopening = bureau.json("POST", "/api/v1/complaints/" + number + "/answer", """
				{"investigation": "核对收入证明", "finding": "UNFOUNDED", "answer": "经核对，收入确实超过标准。",
				 "caseNumber": "%s", "reopen": true}""".formatted(caseNumber));
		assertThat(unfoundedButReopening.status()).isEqualTo(422);
		assertThat(unfoundedButReopening.body()).contains("complaints.consequences-need-founded");
		assertThat(status(caseNumber)).as("nothing half-done").isEqualTo("DECIDED");
		Page answered = bureau.json("POST", "/api/v1/complaints/" + number + "/answer",
				"{\"investigation\": \"核对收入证明\", \"finding\": \"UNFOUNDED\", \"answer\": \"经核对，收入确实超过标准。\"}");
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);

		// The complainant is not satisfied, on the public page, with the phone they gave.
		Visitor complainant = new Visitor(port);
		complainant.get("/public/complaints");
		Page verdict = complainant.post("/public/complaints/verdict",
				Map.of("number", number, "secret", "13909743579", "satisfied", "false"));
		assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
		assertThat(verdict.body()).contains("已提交上一级复查");
		assertThat(bureau.json("POST", "/api/v1/complaints/" + number + "/acknowledgement", "").status())
			.as("the bureau no longer handles it").isEqualTo(403);

		office.json("POST", "/api/v1/complaints/" + number + "/acknowledgement", "");
		Page unknownCase = office.json("POST", "/api/v1/complaints/" + number + "/answer", """
				{"investigation": "调阅打工收入流水", "finding": "FOUNDED", "answer": "收入认定有误，已责令重新审核。",
				 "caseNumber": "JJC-20990101-000001", "reopen": true}""");
		assertThat(unknownCase.status()).isEqualTo(400);
		assertThat(unknownCase.body()).contains("complaints.case-unknown");
		Page founded = office.json("POST", "/api/v1/complaints/" + number + "/answer", """
				{"investigation": "调阅打工收入流水，申请时已失业", "finding": "FOUNDED",
				 "answer": "收入认定有误，已责令乡政府重新审核并给予救助。", "caseNumber": "%s", "reopen": true,
				 "order": "按实际收入重新审核，5 个工作日内报结果", "accountable": true, "person": "乡民政助理"}"""
			.formatted(caseNumber));
		assertThat(founded.status()).as(founded.body()).isEqualTo(200);

		// The case is back for decision, naming the complaint; the township is ordered and held responsible.
		JsonNode reopened = JSON.readTree(relief.handler.get("/api/v1/cases/" + caseNumber).body());
		assertThat(reopened.path("status").asString()).isEqualTo("AWAITING_DECISION");
		assertThat(reopened.path("reopenedFor").asString()).contains(number).contains("属实");
		assertThat(jdbc.sql("select instruction from supervision_order where complaint_number = :n")
			.param("n", number)
			.query(String.class)
			.single()).contains("按实际收入重新审核");
		assertThat(jdbc.sql("select failure || ' ' || person from supervision_accountability where complaint_number = :n")
			.param("n", number)
			.query(String.class)
			.single()).isEqualTo("WRONGLY_REFUSED 乡民政助理");
		assertThat(jdbc.sql("select count(*) from supervision_step where case_number = :c and kind = 'APPROVAL' and status = 'OPEN'")
			.param("c", caseNumber)
			.query(Long.class)
			.single()).as("the decision is owed again").isEqualTo(1);

		// The corrected decision: proposed by the handler, reviewed and approved by two others.
		Page proposed = relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("2000", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String corrected = CaseFixtures.idOf(proposed);
		assertThat(JSON.readTree(proposed.body()).path("grounds").asString()).contains(number);
		CaseFixtures.assertProblem(relief.handler.json("POST", "/api/v1/decisions/" + corrected + "/review", ""), 403,
				"relief.four-eyes");
		assertThat(relief.reviewer.json("POST", "/api/v1/decisions/" + corrected + "/review", "").status())
			.isEqualTo(200);
		Page approved = relief.townshipApprover.json("POST", "/api/v1/decisions/" + corrected + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(status(caseNumber)).isEqualTo("DECIDED");
		assertThat(relief.handler.get("/api/v1/cases/" + caseNumber + "/timeline").body()).contains(number);

		// The figures count it: received, answered on time at first, founded at the level above, not satisfied.
		JsonNode after = JSON.readTree(bureau.get("/api/v1/dashboard").body()).path("complaints");
		assertThat(after.path("received").asLong()).isEqualTo(before.path("received").asLong() + 1);
		assertThat(after.path("founded").asLong()).isEqualTo(before.path("founded").asLong() + 1);
		assertThat(after.path("answeredOnTime").asLong()).isEqualTo(before.path("answeredOnTime").asLong() + 1);
		assertThat(after.path("rated").asLong()).isEqualTo(before.path("rated").asLong() + 1);
		assertThat(after.path("satisfied").asLong()).isEqualTo(before.path("satisfied").asLong());
		assertThat(office.get("/supervision").body()).contains("complaints-per-unit");
	}

	private String status(String caseNumber) {
		return jdbc.sql("select status from casework_case where number = :n")
			.param("n", caseNumber)
			.query(String.class)
			.single();
	}

}
