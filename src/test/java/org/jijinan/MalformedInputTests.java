package org.jijinan;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3: at least 200 malformed variants of every operation in the OpenAPI document — bodies with each property
 * missing, null, of the wrong type, too long, hostile or impossible (2015-02-31), bodies that are not JSON, and
 * hostile path variables — sent by a county and a township officer with their personal tokens. No answer may be a 5xx,
 * and no body may carry a stack trace or SQL.
 */
@SystemTest
class MalformedInputTests {

	static final int VARIANTS = 200;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> HOSTILE_TEXT = List.of("", " ", "2015-02-31", "'; drop table people_person; --",
			"<script>alert(1)</script>", "\u0000", "😀😀", "../../etc/passwd", "x".repeat(10_000), "-1", "1e309",
			"NaN", "null", "{}", "0000000000000000000X", "%00", "\uD800");

	private static final List<String> HOSTILE_PATH = List.of("..%2F..%2Fetc%2Fpasswd", "%27%20or%201%3D1", "x".repeat(400),
			"-1", "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80", "null", "9".repeat(30));

	private static final List<String> BROKEN_BODIES = List.of("", "null", "[]", "{", "\"x\"", "{\"a\":", "[[[[[[[[[[",
			"{\"x\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}", "\u00ff\u00fe", "1");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void answersEveryMalformedVariantOfEveryOperationWithoutA5xxAndOnlyWithDocumentedStatuses() {
		var staff = StaffFixtures.from(context);
		var countyAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR,
				Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER, Role.LEADER);
		var townshipAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER);
		JsonNode api = JsonMapper.builder().build().readTree(new Visitor(port).get("/v3/api-docs").body());
		Random random = new Random(2026);
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.Set<String> undocumented = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());
		Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
		Map<String, Integer> sent = new TreeMap<>();
		List<Planned> reads = new ArrayList<>();
		List<Planned> writes = new ArrayList<>();

		for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").properties().iterator(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				List<Variant> variants = variants(api, path.getKey(), operation.getValue(), random);
				("GET".equals(method) ? reads : writes)
					.add(new Planned(method, path.getKey(), operation.getValue(), variants));
				sent.put(method + " " + path.getKey(), variants.size());
			}
		}
		// Sent with the officers' personal tokens, as scripts and partner systems call: the cheaper path (no session
		// to load and save), which matters over some 34,000 requests. Reads change nothing, so they are sent alongside
		// the writes: the machine's second core halves the test's time without two writes ever racing each other.
		Answers answers = new Answers(failures, undocumented, statuses);
		Sender county = new Sender(new Visitor(port), personalToken(countyAccount, "ADMINISTRATOR", "COUNTY_REVIEWER",
				"COUNTY_APPROVER", "LEADER"));
		Sender township = new Sender(new Visitor(port), personalToken(townshipAccount, "WINDOW_CLERK",
				"TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER"));
		var reading = java.util.concurrent.CompletableFuture.runAsync(
				() -> reads.forEach(planned -> answers.sendAll(planned, county.again(port), township.again(port))));
		writes.forEach(planned -> answers.sendAll(planned, county, township));
		reading.join();

		System.out.println("MALFORMED INPUT " + sent.size() + " operations, answers by status " + statuses);
		assertThat(sent).as("operations found in the OpenAPI document").hasSizeGreaterThan(50);
		assertThat(sent.values()).as("variants per operation").allSatisfy(count -> assertThat(count)
			.isGreaterThanOrEqualTo(VARIANTS));
		assertThat(failures).as("answers that were 5xx or leaked internals").isEmpty();
		assertThat(undocumented).as("answers whose status the operation's document does not list").isEmpty();
	}

	/**
	 * Addresses the servlet container itself refuses or cannot decode — in the path or the query string, read by a
	 * controller, a filter or a multipart upload — get problem JSON on the API and a short page elsewhere, never a
	 * 500 or the container's own HTML.
	 */
	@Test
	void answersMalformedAddressesWithProblemJsonWhateverLayerRefusesThem() throws Exception {
		Visitor county = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR, Role.COUNTY_REVIEWER,
					Role.COUNTY_APPROVER, Role.LEADER));
		county.get("/");
		String bad = "%ED%A0%80";
		List<String> gets = List.of("/api/v1/payment-orders?status=" + bad, "/api/v1/cases?status=" + bad,
				"/api/v1/dashboard?from=" + bad, "/api/v1/relief-policies/in-force?region=" + bad,
				"/api/v1/roster-feed?cursor=" + bad, "/api/v1/cases?status=%zz", "/api/v1/cases?" + bad + "=1",
				"/api/v1/cases?status=%", "/api/v1/cases/%00", "/api/v1/cases/a%2Fb", "/api/v1/cases/" + bad,
				"/api/v1/cases/%zz", "/api/v1/cases/..%2F..%2Fetc", "/api/v1/cases/" + "x".repeat(10_000),
				"/api/v1/persons/%C0%AF");
		List<String> posts = List.of("/api/v1/persons/exports?format=" + bad, "/api/v1/pilot/documents?x=" + bad,
				"/api/v1/roster-imports?x=" + bad, "/api/v1/help-requests?x=%zz");
		List<String> failures = new ArrayList<>();
		for (String target : gets) {
			check(raw(county, "GET", target), target, true, failures);
		}
		for (String target : posts) {
			check(raw(county, "POST", target), target, true, failures);
		}
		for (String target : List.of("/cases?status=" + bad, "/intake/requests?x=%zz", "/cases/%00",
				"/" + "y".repeat(10_000))) {
			check(raw(county, "GET", target), target, false, failures);
		}
		assertThat(failures).isEmpty();
		assertThat(raw(county, "GET", "/api/v1/cases").status()).as("the session still works").isEqualTo(200);
	}

	private static void check(Raw answer, String target, boolean api, List<String> failures) {
		boolean refused = answer.status() >= 400 && answer.status() < 500;
		boolean shape = api ? answer.contentType().startsWith("application/problem+json")
				&& answer.body().contains("\"code\":\"")
				: answer.contentType().startsWith("text/html") && answer.body().contains("id=\"problem\"");
		if (!refused || !shape || answer.body().contains("HTTP Status") || answer.body().contains("Exception")) {
			failures.add(abbreviate(target) + " → " + answer.status() + " " + answer.contentType() + " "
					+ abbreviate(answer.body()));
		}
	}

	/**
	 * Sends a request exactly as written, which {@link java.net.URI} would refuse to build.
	 */
	private Raw raw(Visitor who, String method, String target) throws java.io.IOException {
		try (var socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			String body = method.equals("POST") ? "{}" : "";
			String request = method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: JIJINAN_SESSION="
					+ who.sessionId().orElseThrow() + "\r\nX-CSRF-TOKEN: " + who.csrf()
					+ "\r\nAccept-Language: zh-CN\r\nContent-Type: application/json\r\nContent-Length: "
					+ body.length() + "\r\nConnection: close\r\n\r\n" + body;
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int headEnd = answer.indexOf("\r\n\r\n");
			String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
			int status = Integer.parseInt(head.substring(9, 12));
			String type = head.lines()
				.filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
				.map(line -> line.substring(13).strip())
				.findFirst()
				.orElse("");
			return new Raw(status, type, headEnd < 0 ? "" : answer.substring(headEnd + 4));
		}
	}

	private record Raw(int status, String contentType, String body) {
	}

	/**
	 * @return a personal token of the account with the roles, minted from a signed-in session as its owner would
	 */
	private String personalToken(StaffFixtures.Opened account, String... roles) {
		return StaffFixtures.personalToken(StaffFixtures.signedIn(port, account), 1, roles);
	}

	/**
	 * Who sends: a client without cookies and the officer's token.
	 */
	private record Sender(Visitor visitor, String token) {

		/** The same officer on a client of its own. */
		Sender again(int port) {
			return new Sender(new Visitor(port), token);
		}

	}

	private static Page send(Sender sender, String method, Variant variant) {
		Visitor who = sender.visitor();
		HttpRequest.Builder request = HttpRequest.newBuilder(who.uri(variant.path()))
			.header("Authorization", "Bearer " + sender.token())
			.header("Content-Type", "application/json");
		return who.send(method.equals("GET") || method.equals("DELETE") && variant.body() == null
				? request.method(method, HttpRequest.BodyPublishers.noBody())
				: request.method(method, HttpRequest.BodyPublishers.ofByteArray(
						(variant.body() == null ? "{}" : variant.body()).getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * At least {@link #VARIANTS} malformed requests for one operation.
	 */
	private static List<Variant> variants(JsonNode api, String template, JsonNode operation, Random random) {
		List<Variant> variants = new ArrayList<>();
		JsonNode schema = resolve(api, operation.path("requestBody").path("content").path("application/json").path("schema"));
		boolean json = !schema.isMissingNode();
		while (variants.size() < VARIANTS) {
			String path = path(template, random);
			String query = query(operation, random);
			String body = null;
			if (json) {
				int pick = random.nextInt(10);
				if (pick == 0) {
					body = BROKEN_BODIES.get(random.nextInt(BROKEN_BODIES.size()));
				}
				else {
					ObjectNode object = valid(api, schema, random);
					List<String> fields = new ArrayList<>();
					object.propertyNames().forEach(fields::add);
					int spoiled = 1 + random.nextInt(Math.max(1, Math.min(3, fields.size())));
					for (int s = 0; s < spoiled && !fields.isEmpty(); s++) {
						String field = fields.get(random.nextInt(fields.size()));
						spoil(object, field, random);
					}
					body = object.toString();
				}
			}
			variants.add(new Variant(path + query, body));
		}
		return variants;
	}

	private static String path(String template, Random random) {
		StringBuilder path = new StringBuilder();
		int at = 0;
		while (true) {
			int open = template.indexOf('{', at);
			if (open < 0) {
				path.append(template.substring(at));
				return path.toString();
			}
			int close = template.indexOf('}', open);
			path.append(template, at, open);
			path.append(HOSTILE_PATH.get(random.nextInt(HOSTILE_PATH.size())));
			at = close + 1;
		}
	}

	private static String query(JsonNode operation, Random random) {
		List<String> parts = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asString().equals("query") && random.nextBoolean()) {
				parts.add(parameter.path("name").asString() + "="
						+ HOSTILE_PATH.get(random.nextInt(HOSTILE_PATH.size())));
			}
		}
		return parts.isEmpty() ? "" : "?" + String.join("&", parts);
	}

	private static void spoil(ObjectNode object, String field, Random random) {
		switch (random.nextInt(9)) {
			case 0 -> object.remove(field);
			case 1 -> object.putNull(field);
			case 2 -> object.put(field, HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
			case 3 -> object.put(field, random.nextBoolean() ? -1 : Long.MAX_VALUE);
			case 4 -> object.put(field, new java.math.BigDecimal("1e400"));
			case 5 -> object.put(field, random.nextBoolean());
			case 6 -> object.set(field, NODES.objectNode().put("nested", "x"));
			case 7 -> object.set(field, NODES.arrayNode().add("x").add(1).addNull());
			default -> object.put(field, 0.333333333333333333);
		}
	}

	/**
	 * A plausible body for the schema, which the variants then spoil.
	 */
	private static ObjectNode valid(JsonNode api, JsonNode schema, Random random) {
		ObjectNode object = NODES.objectNode();
		JsonNode properties = resolve(api, schema).path("properties");
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			object.set(property.getKey(), sample(api, property.getValue(), random, 0));
		}
		return object;
	}

	private static JsonNode sample(JsonNode api, JsonNode schema, Random random, int depth) {
		JsonNode resolved = resolve(api, schema);
		if (resolved.has("enum")) {
			ArrayNode values = (ArrayNode) resolved.get("enum");
			return values.get(random.nextInt(values.size()));
		}
		String type = resolved.path("type").asString("object");
		String format = resolved.path("format").asString("");
		return switch (type) {
			case "string" -> switch (format) {
				case "uuid" -> NODES.stringNode(java.util.UUID.randomUUID().toString());
				case "date" -> NODES.stringNode("2026-01-01");
				case "date-time" -> NODES.stringNode("2026-01-01T08:00:00Z");
				default -> NODES.stringNode("测试");
			};
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(new java.math.BigDecimal("100.00"));
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> depth > 2 ? NODES.arrayNode()
					: NODES.arrayNode().add(sample(api, resolved.path("items"), random, depth + 1));
			default -> depth > 2 ? NODES.objectNode() : valid(api, resolved, random);
		};
	}

	private static JsonNode resolve(JsonNode api, JsonNode schema) {
		String reference = schema.path("$ref").asString("");
		if (reference.startsWith("#/components/schemas/")) {
			return api.path("components").path("schemas").path(reference.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "-";
		}
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	/**
	 * The malformed variants of one operation, made before any is sent.
	 */
	private record Planned(String method, String template, JsonNode operation, List<Variant> variants) {
	}

	/**
	 * What came back, gathered from both senders.
	 */
	private record Answers(List<String> failures, java.util.Set<String> undocumented, Map<Integer, Integer> statuses) {

		void sendAll(Planned planned, Sender county, Sender township) {
			// A read changes nothing, so the same read by the same person is sent once: a read without parameters has
			// nothing to spoil, and its 200 variants are one request. Writes are all sent, repeats included, since a
			// repeated write meets a different state.
			java.util.Set<String> readsSent = new java.util.HashSet<>();
			for (int i = 0; i < planned.variants().size(); i++) {
				Variant variant = planned.variants().get(i);
				Sender who = i % 2 == 0 ? county : township;
				if ("GET".equals(planned.method()) && !readsSent.add(i % 2 + " " + variant.path())) {
					continue;
				}
				Page answer = send(who, planned.method(), variant);
				statuses.merge(answer.status(), 1, Integer::sum);
				String body = answer.body();
				if (!planned.operation().path("responses").has(String.valueOf(answer.status()))) {
					undocumented.add(planned.method() + " " + planned.template() + " → " + answer.status() + " "
							+ body.replaceAll("(?s).*\"code\":\"([^\"]+)\".*", "$1"));
				}
				if (answer.status() >= 500 || body.contains("Exception") || body.contains("\tat ")
						|| body.contains("SQLState") || body.contains("org.postgresql")
						|| body.toLowerCase().contains("syntax error at")) {
					failures.add(planned.method() + " " + variant.path() + " " + abbreviate(variant.body()) + " → "
							+ answer.status() + " " + abbreviate(body));
				}
			}
		}

	}

	private record Variant(String path, String body) {
	}

}
