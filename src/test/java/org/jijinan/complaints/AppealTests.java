package org.jijinan.complaints;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.relief.ReliefStaff;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused applicant asks the county government for an administrative review; the county records it with the date
 * it must be decided by, then the ruling that revokes the refusal: the case goes back to decision naming the
 * ruling, and the corrected decision — approved by people other than its proposer — says on its letter what it
 * corrects.
 */
@SystemTest
class AppealTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aRevokedRefusalIsDecidedAgainAndTheCorrectedLetterNamesTheRuling() throws Exception {
		var relief = new ReliefStaff(port, context);
		String caseNumber = relief.investigatedCase();
		String refused = CaseFixtures.idOf(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("1500", "")));
		relief.townshipApprover.json("POST", "/api/v1/decisions/" + refused + "/refusal",
				"{\"reason\": \"申请人名下有车辆\"}");
		String reference = "共政复〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
		LocalDate filed = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
		String appeal = """
				{"caseNumber": "%s", "kind": "REVIEW", "body": "共和县人民政府", "reference": "%s", "filedOn": "%s"}"""
			.formatted(caseNumber, reference, filed);

		CaseFixtures.assertProblem(relief.handler.json("POST", "/api/v1/appeals", appeal), 403,
				"complaints.appeals-not-allowed");
		CaseFixtures.assertProblem(relief.countyReviewer.json("POST", "/api/v1/appeals",
				appeal.replace("REVIEW", "APPEAL")), 400, "complaints.appeal-kind-required");
		CaseFixtures.assertProblem(relief.countyReviewer.json("POST", "/api/v1/appeals",
				appeal.replace(filed.toString(), filed.plusDays(5).toString())), 400, "complaints.appeal-filed-on-invalid");
		Page recorded = relief.countyReviewer.json("POST", "/api/v1/appeals", appeal);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode view = JSON.readTree(recorded.body());
		assertThat(view.path("decideBy").asString()).isEqualTo(filed.plusDays(60).toString());
		CaseFixtures.assertProblem(relief.countyReviewer.json("POST", "/api/v1/appeals", appeal), 409,
				"complaints.appeal-recorded-already");
		String id = view.path("id").asString();

		Page revoked = relief.countyApprover.json("POST", "/api/v1/appeals/" + id + "/outcome", """
				{"outcome": "REVOKED", "decidedOn": "%s", "summary": "车辆已报废，不应计入家庭财产，撤销原决定"}"""
			.formatted(filed.plusDays(1)));
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		CaseFixtures.assertProblem(relief.countyApprover.json("POST", "/api/v1/appeals/" + id + "/outcome",
				"{\"outcome\": \"UPHELD\", \"decidedOn\": \"%s\", \"summary\": \"再次登记\"}".formatted(filed)), 409,
				"complaints.appeal-decided-already");
		JsonNode reopened = JSON.readTree(relief.handler.get("/api/v1/cases/" + caseNumber).body());
		assertThat(reopened.path("status").asString()).isEqualTo("AWAITING_DECISION");
		assertThat(reopened.path("reopenedFor").asString()).contains(reference).contains("撤销原决定");

		String corrected = CaseFixtures.idOf(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("1500", "")));
		CaseFixtures.assertProblem(relief.handler.json("POST", "/api/v1/decisions/" + corrected + "/review", ""), 403,
				"relief.four-eyes");
		relief.reviewer.json("POST", "/api/v1/decisions/" + corrected + "/review", "");
		assertThat(relief.townshipApprover.json("POST", "/api/v1/decisions/" + corrected + "/approval", "").status())
			.isEqualTo(200);
		String letter = text(relief.handler, "/api/v1/decisions/" + corrected + "/letter").replaceAll("\\s+", "");
		assertThat(letter).contains("临时救助审批决定书").contains(reference).contains("重新审核后作出");
		assertThat(relief.countyReviewer.get("/api/v1/appeals").body()).contains(reference).contains("REVOKED");
	}

	private static String text(Visitor who, String path) throws Exception {
		byte[] pdf = who.sendBytes(HttpRequest.newBuilder(who.uri(path)).GET());
		Path file = Files.createTempFile("letter", ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return text;
	}

}
