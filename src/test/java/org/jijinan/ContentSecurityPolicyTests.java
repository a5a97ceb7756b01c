package org.jijinan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S12: every HTML response carries a Content Security Policy whose scripts are allowed by a nonce fresh for that
 * response, and every script element of the page carries it; nothing else (no inline script, no other origin) may
 * run. Pages that draw charts or print still work in the browser tests with this policy.
 */
@SystemTest
class ContentSecurityPolicyTests {

	private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic';");

	@LocalServerPort
	int port;

	@Test
	void givesEveryPageAFreshNonceThatEveryScriptCarries() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String previous = "";
		for (String path : List.of("/login", "/public/apply", "/public/fund", "/public/follow", "/login")) {
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
			Matcher nonce = NONCE.matcher(policy);
			assertThat(nonce.find()).as(path + ": " + policy).isTrue();
			assertThat(policy).contains("object-src 'none'").contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("script-src 'self'");
			assertThat(nonce.group(1)).as("a fresh nonce per response").isNotEqualTo(previous);
			previous = nonce.group(1);
			Matcher scripts = Pattern.compile("<script[^>]*>").matcher(page.body());
			int count = 0;
			while (scripts.find()) {
				count++;
				assertThat(scripts.group()).as(path).contains("nonce=\"" + nonce.group(1) + "\"");
			}
			assertThat(count).as(path + " has scripts to check").isPositive();
		}
	}

}
