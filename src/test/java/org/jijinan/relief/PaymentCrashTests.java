package org.jijinan.relief;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.PlatformProcesses;
import org.jijinan.ProcessStaff;
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
		Map<String, Visitor> staff = ProcessStaff.firstSignIn(port, ProcessStaff.firstPasswords(data, port),
				List.of("demo.clerk", "demo.township.reviewer", "demo.county.reviewer", "demo.township.approver"));
		List<String> decisions = new ArrayList<>();
		for (int i = 0; i < DECISIONS; i++) {
			decisions.add(ApprovedDecisions.throughTheApi(staff));
		}
		assertThat(orders(staff.get("demo.township.approver"), "PENDING")).isEqualTo(DECISIONS);
		assertThatThrownBy(() -> staff.get("demo.township.approver").json("POST", "/api/v1/payment-batches", ""))
			.as("the platform halts while writing the batch");
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isEqualTo(137);

		port = PlatformProcesses.freePort();
		Process second = start(data, port, "--jijinan.crash-at=bank-results-half-applied");
		platforms.awaitReady(second);
		Visitor payer = ProcessStaff.signedIn(port, "demo.township.approver");
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
		Visitor again = ProcessStaff.signedIn(port, "demo.township.approver");
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

	private static void assertProblem(Page answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
	}

}
