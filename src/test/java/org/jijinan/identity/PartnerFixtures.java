package org.jijinan.identity;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Map;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner systems for tests: registered by an administrator on the clients page, as in production, and calling the
 * API with the access token their credentials buy.
 */
public final class PartnerFixtures {

	private PartnerFixtures() {
	}

	/**
	 * @return the client id and an access token of a newly registered partner system
	 */
	public static Partner register(int port, Visitor admin, String name, String unitId, String scopes) {
		admin.get("/admin/clients");
		Page registered = admin.post("/admin/clients", Map.of("name", name, "unitId", unitId, "scopes", scopes));
		assertThat(registered.body()).as(registered.body()).contains("client-secret");
		String clientId = registered.body().replaceAll("(?s).*<code id=\"client-id\">([^<]+)</code>.*", "$1");
		String secret = registered.body().replaceAll("(?s).*<code id=\"client-secret\">([^<]+)</code>.*", "$1");
		Visitor system = new Visitor(port);
		Page issued = system.send(HttpRequest.newBuilder(system.uri("/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return new Partner(port, clientId, issued.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
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
