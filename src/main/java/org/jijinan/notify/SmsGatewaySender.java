package org.jijinan.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jijinan.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends text messages through the county's HTTP SMS gateway: one JSON POST per message, carrying the message's id as
 * {@code reference} so a gateway that deduplicates never sends a retried message twice. Any answer other than 2xx, a
 * timeout or a refused connection is a failure, and the dispatcher tries again with back-off. Inbox messages need no
 * gateway: they are delivered by being in the platform's message list.
 */
@Component
@ConditionalOnProperty("jijinan.notify.sms-gateway.url")
class SmsGatewaySender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(SmsGatewaySender.class);

	private final SmsGatewaySettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	SmsGatewaySender(SmsGatewaySettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	@Override
	public void send(UUID reference, String channel, String recipient, String body) {
		if (!"SMS".equals(channel)) {
			return;
		}
		Map<String, String> message = new LinkedHashMap<>();
		message.put("to", recipient);
		message.put("text", settings.signature() + body);
		message.put("reference", reference.toString());
		HttpRequest.Builder request = HttpRequest.newBuilder(Objects.requireNonNull(settings.url()))
			.timeout(settings.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)));
		if (settings.token() != null && !settings.token().isBlank()) {
			request.header("Authorization", "Bearer " + settings.token());
		}
		int status = call(request.build());
		if (status / 100 != 2) {
			throw new GatewayRefused("SMS gateway answered " + status);
		}
		log.info("SMS {} to {} accepted by the gateway", reference, PhoneNumber.parse(recipient).masked());
	}

	private int call(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException unreachable) {
			throw new GatewayRefused("SMS gateway unreachable: " + unreachable.getClass().getSimpleName());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new GatewayRefused("interrupted while calling the SMS gateway");
		}
	}

	/**
	 * The gateway did not take the message; it will be tried again.
	 */
	static final class GatewayRefused extends RuntimeException {

		GatewayRefused(String message) {
			super(message);
		}

	}

}
