package org.jijinan.identity;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner systems for tests: registered by an administrator through the API, as in production, and calling the API
 * with the access token their credentials buy.
 */
public final class PartnerFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PartnerFixtures() {
	}

	/**
	 * Registers a partner system through {@code POST /api/v1/partner-clients} with the administrator's session, and
	 * exchanges the secret it answers for an access token.
	 * @param scopes the scopes, separated by spaces or commas
	 * @return the client id and an access token of a newly registered partner system
	 */
	public static Partner register(int port, Visitor admin, String name, String unitId, String scopes) {
		String granted = Arrays.stream(scopes.strip().split("[\\s,]+"))
			.map(PartnerFixtures::quoted)
			.collect(Collectors.joining(", "));
		Page registered = admin.json("POST", "/api/v1/partner-clients",
				"{\"name\": %s, \"unitId\": %s, \"scopes\": [%s]}".formatted(quoted(name), quoted(unitId), granted));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode credentials = JSON.readTree(registered.body());
		String clientId = credentials.path("clientId").asString();
		String secret = credentials.path("secret").asString();
		Visitor system = new Visitor(port);
		Page issued = system.send(HttpRequest.newBuilder(system.uri("/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return new Partner(port, clientId, JSON.readTree(issued.body()).path("access_token").asString());
	}

	private static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}

	/**
	 * A registered partner system.
	 */
	public record Partner(int port, String clientId, String token) {

		public Page get(String path) {
			Visitor system = new Visitor(port);
			return system.send(HttpRequest.newBuilder(system.uri(path)).header("Authorization", "Bearer " + token));
		}

		public Page json(String method, String path, String json) {
			Visitor system = new Visitor(port);
			return system.send(HttpRequest.newBuilder(system.uri(path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json)));
		}

		public Page upload(String path, String filename, byte[] content) {
			return new Visitor(port).upload(path, "file", filename, content, token);
		}

	}

}
