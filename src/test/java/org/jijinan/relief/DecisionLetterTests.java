package org.jijinan.relief;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jijinan.SystemTest;
import org.jijinan.casework.CaseFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision letter states the decision, its reasons and legal basis and the remedies with their limits and the
 * bodies that hear them, as poppler's pdftotext reads it; an undecided decision has no letter, and every download is
 * audited as a read of the applicant's personal data.
 */
@SystemTest
class DecisionLetterTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusalLetterStatesTheReasonTheLawAndTheRemedies() throws Exception {
		var staff = new ReliefStaff(port, context);
		String number = staff.investigatedCase();
		String id = CaseFixtures.idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions",
				ReliefStaff.proposal("2000", "")));
		CaseFixtures.assertProblem(staff.handler.get("/api/v1/decisions/" + id + "/letter"), 409,
				"relief.letter-not-decided");
		staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/refusal",
				"{\"reason\": \"家庭人均收入高于当地低保标准的 2 倍\"}");

		String text = text(staff.handler.sendBytes(HttpRequest.newBuilder(staff.handler.uri("/api/v1/decisions/" + id
				+ "/letter")).GET()));
		assertThat(text.replaceAll("\\s+", "")).contains("不予临时救助决定书")
			.contains(number)
			.contains("家庭人均收入高于当地低保标准的2倍")
			.contains("《社会救助暂行办法》第十一条、第四十七条、第四十八条")
			.contains("六十日内向共和县人民政府申请行政复议")
			.contains("六个月内向共和县人民法院提起行政诉讼")
			.contains("第六十五条")
			.contains("12349");
		assertThat(text).as("the Tibetan remedies go along as text").contains("སྲིད་འཛིན་བསྐྱར་ཞིབ་ཞུ་བའམ");
		String page = text(staff.handler.sendBytes(HttpRequest.newBuilder(staff.handler.uri("/cases/" + number
				+ "/relief/decisions/" + id + "/letter")).GET()));
		assertThat(page.replaceAll("\\s+", "")).as("the page's link gives the same letter").contains("申请行政复议");
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'audit.personal-data-read' and subject_id = :id""")
			.param("id", id)
			.query(Long.class)
			.single()).isPositive();
	}

	private static String text(byte[] pdf) throws IOException, InterruptedException {
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Path file = Files.createTempFile("letter", ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return text;
	}

}
