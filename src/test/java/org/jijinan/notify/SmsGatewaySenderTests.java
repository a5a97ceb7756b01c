package org.jijinan.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's answer decides whether a message counts as sent: only a 2xx does; errors, silence and a closed port
 * make the dispatcher try again later. Inbox messages never go to the gateway.
 */
class SmsGatewaySenderTests {

	private HttpServer gateway;

	private final AtomicInteger answer = new AtomicInteger(200);

	private final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/sms", exchange -> {
			calls.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			if (answer.get() == 0) {
				sleep();
			}
			exchange.sendResponseHeaders(answer.get() == 0 ? 200 : answer.get(), -1);
			exchange.close();
		});
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		gateway.stop(0);
	}

	@Test
	void countsOnlyA2xxAsSent() {
		SmsGatewaySender sender = sender("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");

		assertThatCode(() -> sender.send(UUID.randomUUID(), "SMS", "13809746666", "您的求助已登记")).doesNotThrowAnyException();
		answer.set(503);
		assertThatThrownBy(() -> sender.send(UUID.randomUUID(), "SMS", "13809746666", "您的求助已登记"))
			.isInstanceOf(SmsGatewaySender.GatewayRefused.class)
			.hasMessageContaining("503")
			.hasMessageNotContaining("13809746666");
		assertThat(calls).hasValue(2);
	}

	@Test
	void treatsSilenceAndAClosedPortAsFailures() throws IOException {
		answer.set(0);
		SmsGatewaySender slow = sender("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
		assertThatThrownBy(() -> slow.send(UUID.randomUUID(), "SMS", "13809746666", "回执"))
			.isInstanceOf(SmsGatewaySender.GatewayRefused.class);

		int closed;
		try (var socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		SmsGatewaySender unreachable = sender("http://127.0.0.1:" + closed + "/sms");
		assertThatThrownBy(() -> unreachable.send(UUID.randomUUID(), "SMS", "13809746666", "回执"))
			.isInstanceOf(SmsGatewaySender.GatewayRefused.class)
			.hasMessageContaining("unreachable");
	}

	@Test
	void leavesInboxMessagesInThePlatform() {
		SmsGatewaySender sender = sender("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");

		sender.send(UUID.randomUUID(), "INBOX", "clerk.qiabuqia", "新求助待受理");

		assertThat(calls).hasValue(0);
	}

	private static SmsGatewaySender sender(String url) {
		return new SmsGatewaySender(new SmsGatewaySettings(URI.create(url), null, "", Duration.ofMillis(300)),
				JsonMapper.builder().build());
	}

	private static void sleep() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
