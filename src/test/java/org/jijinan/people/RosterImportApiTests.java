package org.jijinan.people;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The roster-import API as a department's system would use it: multipart upload answered with 202, status, and the
 * report of refused rows.
 */
@SystemTest
class RosterImportApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void acceptsAMultipartUploadWith202AndServesStatusAndReport() {
		var clerk = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor visitor = new Visitor(port);
		visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);
		visitor.get("/");
		String good = RosterImportTests.numbers(1).get(0);
		String csv = RosterImportTests.HEADER + RosterImportTests.row("接口", good, "", PeopleTests.VILLAGE, "")
				+ RosterImportTests.row("接口坏行", "123", "", PeopleTests.VILLAGE, "");

		Page accepted = visitor.send(multipart(visitor, csv));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> visitor.get("/api/v1/roster-imports/" + id).body().contains("\"status\":\"COMPLETED\""));
		assertThat(visitor.get("/api/v1/roster-imports/" + id).body()).contains("\"rowsAdded\":1")
			.contains("\"rowsFailed\":1")
			.contains("\"rowsTotal\":2")
			.contains("\"rowsDone\":2");
		Page report = visitor.get("/api/v1/roster-imports/" + id + "/report");
		assertThat(report.contentType()).startsWith("text/csv");
		assertThat(report.body()).contains("3,公民身份号码,公民身份号码应为 18 位").doesNotContain(good);
		assertThat(visitor.get("/api/v1/roster-imports/00000000-0000-0000-0000-000000000000").status())
			.isEqualTo(404);
	}

	@Test
	void aVillageReporterRegistersPersonsButDoesNotImportRosters() {
		var reporter = StaffFixtures.from(context)
			.active(new DivisionCode(PeopleTests.VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		Visitor visitor = new Visitor(port);
		visitor.signIn(reporter.username(), StaffFixtures.PASSWORD);
		visitor.get("/");
		String csv = RosterImportTests.HEADER
				+ RosterImportTests.row("村里", RosterImportTests.numbers(1).get(0), "", PeopleTests.VILLAGE, "");

		Page refused = visitor.send(multipart(visitor, csv));

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("people.import-not-allowed");
		assertThat(visitor.get("/").body()).as("the menu does not offer it").doesNotContain("名册导入")
			.contains("现场报告");
	}

	private static HttpRequest.Builder multipart(Visitor visitor, String csv) {
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n接口测试\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"api.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		return HttpRequest.newBuilder(visitor.uri("/api/v1/roster-imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", visitor.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

}
