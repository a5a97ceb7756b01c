package org.jijinan.people;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every answer that streams rows from the database gives its connection back: each streaming endpoint is called more
 * times than the pool has connections, and afterwards a new visitor can still sign in.
 */
@SystemTest
class StreamingConnectionsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${jijinan.database.pool-size}")
	int poolSize;

	@Test
	void streamingAnswersReturnTheirConnections() {
		int calls = poolSize * 2 + 1;
		var clerk = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor visitor = new Visitor(port);
		visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);
		visitor.get("/");
		String id = importWithOneRefusedRow(visitor);

		for (int call = 0; call < calls; call++) {
			Page report = visitor.get("/api/v1/roster-imports/" + id + "/report");
			assertThat(report.status()).as("roster report, call %d", call).isEqualTo(200);
			Page export = visitor.json("POST", "/api/v1/persons/exports?format=CSV",
					"{\"village\":\"" + PeopleTests.VILLAGE + "\",\"page\":0,\"size\":1}");
			assertThat(export.status()).as("person export, call %d", call).isEqualTo(200);
		}
		var administrator = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		Visitor admin = new Visitor(port);
		admin.signIn(administrator.username(), StaffFixtures.PASSWORD);
		admin.get("/admin/audit");
		for (int call = 0; call < calls; call++) {
			assertThat(admin.get("/admin/clients").status()).as("partner clients, call %d", call).isEqualTo(200);
			assertThat(admin.post("/admin/audit/verification", Map.of()).status()).as("audit verification, call %d", call)
				.isEqualTo(200);
		}

		Visitor newcomer = new Visitor(port);
		Page signedIn = newcomer.signIn(clerk.username(), StaffFixtures.PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(newcomer.get("/").status()).isEqualTo(200);
	}

	private String importWithOneRefusedRow(Visitor visitor) {
		String good = RosterImportTests.numbers(1).get(0);
		String csv = RosterImportTests.HEADER + RosterImportTests.row("连接", good, "", PeopleTests.VILLAGE, "")
				+ RosterImportTests.row("连接坏行", "123", "", PeopleTests.VILLAGE, "");
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n连接测试\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leak.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		Page accepted = visitor.send(HttpRequest.newBuilder(visitor.uri("/api/v1/roster-imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", visitor.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> visitor.get("/api/v1/roster-imports/" + id).body().contains("\"status\":\"COMPLETED\""));
		return id;
	}

}
