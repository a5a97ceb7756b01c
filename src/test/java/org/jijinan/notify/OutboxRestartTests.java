package org.jijinan.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.jijinan.PlatformProcesses;
import org.jijinan.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No message is lost when the platform stops: a receipt written to the outbox by one run of the platform (whose
 * dispatcher is held back) is delivered through the HTTP SMS gateway by the next run on the same data folder. Both
 * runs are separate JVMs, as in production.
 */
class OutboxRestartTests {

	private static final String DAOTANGHE_VILLAGE = "632521101201";

	private final PlatformProcesses platforms = new PlatformProcesses();

	private final List<String> gatewayCalls = new CopyOnWriteArrayList<>();

	private HttpServer gateway;

	@AfterEach
	void stopEverything() throws InterruptedException {
		platforms.close();
		if (gateway != null) {
			gateway.stop(0);
		}
	}

	@Test
	void deliversAReceiptWrittenBeforeTheRestartThroughTheSmsGateway() throws Exception {
		Path data = Files.createTempDirectory("jijinan-outbox");
		startGateway();

		int firstPort = PlatformProcesses.freePort();
		Process first = platforms.start(data, firstPort, "--jijinan.notify.dispatch-interval=PT1H");
		platforms.awaitReady(first);
		Visitor applicant = new Visitor(firstPort);
		applicant.get("/public/apply");
		Visitor.Page received = applicant.post("/public/requests", Map.of("name", "卓玛", "phone", "13809745555",
				"village", DAOTANGHE_VILLAGE, "description", "房屋失火，无处居住", "causes", "FIRE"));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		String number = received.body().replaceAll("(?s).*<strong id=\"public-number\">([^<]+)</strong>.*", "$1");
		first.destroy();
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(gatewayCalls).isEmpty();

		int secondPort = PlatformProcesses.freePort();
		Process second = platforms.start(data, secondPort, "--jijinan.notify.dispatch-interval=PT1S",
				"--jijinan.notify.sms-gateway.url=http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms",
				"--jijinan.notify.sms-gateway.token=gateway-secret", "--jijinan.notify.sms-gateway.signature=【共和县民政局】");
		platforms.awaitReady(second);

		await().atMost(Duration.ofSeconds(30)).until(() -> !gatewayCalls.isEmpty());
		assertThat(gatewayCalls).hasSize(1);
		assertThat(gatewayCalls.get(0)).contains("Bearer gateway-secret")
			.contains("\"to\":\"13809745555\"")
			.contains("【共和县民政局】")
			.contains(number)
			.containsPattern("\"reference\":\"[0-9a-f-]{36}\"");
	}

	private void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/sms", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			gatewayCalls.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		gateway.start();
	}

}
