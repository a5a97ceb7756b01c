package org.jijinan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user agent for system tests against the running server: keeps cookies like a browser, remembers the CSRF token
 * of the last page it read, and never follows redirects so tests can assert them.
 */
public class Visitor {

	private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>\\s*(?:<[^>]+>\\s*)*([^<]+?)\\s*<");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client;

	private String csrf = "";

	public Visitor(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Follows the first link on the page whose visible text begins with the given text, as a person clicks it.
	 * @throws AssertionError when the page has no such link
	 */
	public Page click(Page page, String text) {
		Matcher link = LINK.matcher(page.body());
		while (link.find()) {
			if (link.group(2).strip().startsWith(text)) {
				return get(link.group(1).replace("&amp;", "&"));
			}
		}
		throw new AssertionError("no link reading " + text);
	}

	/**
	 * Posts a form with the CSRF token of the last page read.
	 */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.putIfAbsent("_csrf", csrf);
		return postRaw(path, all);
	}

	/**
	 * Posts a form exactly as given (no CSRF token added).
	 */
	public Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Sends JSON with the session's CSRF token in the header, as a script on our pages would.
	 */
	public Page json(String method, String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Uploads one file as {@code multipart/form-data}: with the session's CSRF token, or with a bearer token when one
	 * is given (a partner system).
	 */
	public Page upload(String path, String field, String filename, byte[] content, String bearer) {
		String boundary = "----jijinan" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return send(bearer.isEmpty() ? request.header("X-CSRF-TOKEN", csrf)
				: request.header("Authorization", "Bearer " + bearer));
	}

	public Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(""),
					response.headers().firstValue("Content-Type").orElse(""));
			Matcher token = CSRF.matcher(page.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return page;
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	/**
	 * Fetches raw bytes (downloads).
	 */
	public byte[] sendBytes(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	public URI uri(String path) {
		return URI.create(base + path);
	}

	/**
	 * Signs in with the login form and follows no gates.
	 * @return the answer to the login form (a redirect)
	 */
	public Page signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public Optional<String> sessionId() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> "JIJINAN_SESSION".equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public String csrf() {
		return csrf;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * One answer.
	 */
	public record Page(int status, String body, String location, String contentType) {

		public boolean redirectsTo(String path) {
			return (status == 302 || status == 303) && URI.create(location).getPath().equals(path)
					&& location.contains(path);
		}

	}

}
