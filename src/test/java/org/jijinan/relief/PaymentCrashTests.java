package org.jijinan.relief;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.PlatformProcesses;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.StaffFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * S4 for payments: the platform runs as its own process, as in production, and halts like {@code kill -9} at named
 * points — with a payment batch written but not committed, and with half a bank result file applied. After each
 * restart on the same data folder nothing is lost, nothing is duplicated and nothing is half done: the orders are
 * still pending and go into one batch once; the result file applies once, and again changes nothing.
 */
class PaymentCrashTests {

	private static final int DECISIONS = 12;

	private final PlatformProcesses platforms = new PlatformProcesses();

	@AfterEach
	void stop() throws InterruptedException {
		platforms.close();
	}

	private Process start(Path data, int port, String... extra) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--jijinan.identity.totp-required-for=SUPERVISOR"));
		arguments.addAll(List.of(extra));
		return platforms.start(data, port, arguments.toArray(String[]::new));
	}

	@Test
	void losesAndRepeatsNothingWhenThePlatformDiesInTheMiddleOfPayments() throws Exception {
		Path data = Files.createTempDirectory("jijinan-payments");

		int port = PlatformProcesses.freePort();
		Process first = start(data, port, "--jijinan.crash-at=payment-batch-before-commit");
		platforms.awaitReady(first);
		Map<String, Visitor> staff = signIn(port, firstPasswords(data, port));
		List<String> decisions = new ArrayList<>();
		for (int i = 0; i < DECISIONS; i++) {
			decisions.add(approvedDecision(staff));
		}
		assertThat(orders(staff.get("demo.township.approver"), "PENDING")).isEqualTo(DECISIONS);
		assertThatThrownBy(() -> staff.get("demo.township.approver").json("POST", "/api/v1/payment-batches", ""))
			.as("the platform halts while writing the batch");
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isEqualTo(137);

		port = PlatformProcesses.freePort();
		Process second = start(data, port, "--jijinan.crash-at=bank-results-half-applied");
		platforms.awaitReady(second);
		Visitor payer = signedIn(port, "demo.township.approver");
		assertThat(orders(payer, "PENDING")).isEqualTo(DECISIONS);
		assertThat(payer.get("/api/v1/payment-batches").body()).isEqualTo("[]");
		Page batch = payer.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		assertThat(batch.body()).contains("\"orderCount\":" + DECISIONS);
		String batchId = batch.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		String results = results(payer, batchId);
		assertThatThrownBy(() -> upload(payer, batchId, results)).as("the platform halts half-way through the file");
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(second.exitValue()).isEqualTo(137);

		port = PlatformProcesses.freePort();
		Process third = start(data, port);
		platforms.awaitReady(third);
		Visitor again = signedIn(port, "demo.township.approver");
		assertThat(orders(again, "BATCHED")).isEqualTo(DECISIONS);
		Page imported = upload(again, batchId, results);
		assertThat(imported.body()).contains("\"paid\":" + DECISIONS).contains("\"repeated\":false");
		assertThat(upload(again, batchId, results).body()).contains("\"repeated\":true");
		assertThat(orders(again, "PAID")).isEqualTo(DECISIONS);
		for (String decision : decisions) {
			String orders = again.get("/api/v1/decisions/" + decision + "/payment-orders").body();
			assertThat(orders.split("\"attempt\":", -1)).as(orders).hasSize(2);
		}
		assertProblem(again.json("POST", "/api/v1/payment-batches", ""), 422);
	}

	private static String results(Visitor payer, String batchId) {
		String batch = payer.get("/api/v1/payment-batches/" + batchId).body();
		Matcher order = Pattern.compile("\"orders\":\\[.*").matcher(batch);
		assertThat(order.find()).isTrue();
		StringBuilder file = new StringBuilder("order,result,bank_reference,reason\n");
		Matcher id = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",(\"number\":\"ZF-[0-9-]+\",)?\"decisionId\"")
			.matcher(batch);
		int line = 0;
		while (id.find()) {
			file.append(id.group(1)).append(",PAID,B").append(++line).append(",\n");
		}
		assertThat(line).isEqualTo(DECISIONS);
		return file.toString();
	}

	private static Page upload(Visitor payer, String batchId, String content) {
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"result.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return payer.send(HttpRequest.newBuilder(payer.uri("/api/v1/payment-batches/" + batchId + "/bank-results"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", payer.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static int orders(Visitor payer, String status) {
		return payer.get("/api/v1/payment-orders?status=" + status).body().split("\"attempt\":", -1).length - 1;
	}

	private static String approvedDecision(Map<String, Visitor> staff) {
		Visitor clerk = staff.get("demo.clerk");
		Visitor handler = staff.get("demo.township.reviewer");
		String request = clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "SELF", "reporterPhone": "13909740101",
				 "subjectName": "卓玛", "village": "632521100201", "description": "房屋失火，无处居住", "causes": ["FIRE"]}""")
			.body()
			.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
		assertThat(handler.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "").status()).isEqualTo(200);
		String caseNumber = org.jijinan.casework.CaseFixtures.caseOf(handler, request);
		org.jijinan.casework.CaseFixtures.linkedToNewPerson(handler, caseNumber);
		handler.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		Page proposed = handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", ReliefStaff.proposal("500", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = proposed.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(staff.get("demo.county.reviewer").json("POST", "/api/v1/decisions/" + decision + "/review", "")
			.status()).isEqualTo(200);
		Page approved = staff.get("demo.township.approver").json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		return decision;
	}

	private static Map<String, Visitor> signIn(int port, Map<String, String> oneTimePasswords) {
		Map<String, Visitor> staff = new HashMap<>();
		for (String username : List.of("demo.clerk", "demo.township.reviewer", "demo.county.reviewer",
				"demo.township.approver")) {
			Visitor visitor = new Visitor(port);
			String oneTime = oneTimePasswords.get(username);
			assertThat(visitor.signIn(username, oneTime).redirectsTo("/account/password")).as(username).isTrue();
			visitor.get("/account/password");
			assertThat(visitor.post("/account/password", Map.of("current", oneTime, "replacement", StaffFixtures.PASSWORD,
					"confirmation", StaffFixtures.PASSWORD)).redirectsTo("/")).as(username).isTrue();
			visitor.get("/");
			staff.put(username, visitor);
		}
		return staff;
	}

	private static Visitor signedIn(int port, String username) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(username, StaffFixtures.PASSWORD).redirectsTo("/")).isTrue();
		visitor.get("/");
		return visitor;
	}

	private static Map<String, String> firstPasswords(Path data, int port) {
		Path file = data.resolve("platform-" + port + ".log");
		String log = await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(file, StandardCharsets.UTF_8),
					text -> text.matches("(?s).*DEMO ACCOUNTS.*demo\\.admin\\s+\\S+.*"));
		Map<String, String> passwords = new HashMap<>();
		Matcher line = Pattern.compile("^\\s+(demo\\.[a-z.0-9]+)\\s+(\\S+)$", Pattern.MULTILINE).matcher(log);
		while (line.find()) {
			passwords.put(line.group(1), line.group(2));
		}
		return passwords;
	}

	private static void assertProblem(Page answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
	}

}
