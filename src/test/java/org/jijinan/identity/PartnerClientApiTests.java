package org.jijinan.identity;

import java.net.http.HttpRequest;
import java.util.Base64;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Partner systems registered through the API by the administrators who may register them on the clients page, under
 * the same rules: the secret is answered once and buys a token that works within the scopes granted; lists never
 * show a secret; anyone but an administrator is refused, and bad input is answered 400 naming the field.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerClientApiTests extends IdentitySystemTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	Opened countyAdmin;

	Visitor admin;

	String housingUnit;

	@BeforeEach
	void countyAdministrator() {
		countyAdmin = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		admin = signedIn(countyAdmin);
		housingUnit = staff.unitAt(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT).id().value().toString();
	}

	@Test
	void registersASystemWhoseSecretIsAnsweredOnceAndBuysATokenWithinItsScopes(CapturedOutput output) {
		Page registered = register("{\"name\": \"  住建局危房改造系统  \", \"unitId\": \"%s\", "
				+ "\"scopes\": [\"assistance-records:write\", \"assistance-records:write\"]}", housingUnit);

		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode issued = JSON.readTree(registered.body());
		String clientId = issued.path("clientId").asString();
		String secret = issued.path("secret").asString();
		assertThat(clientId).startsWith("jjn-client-");
		assertThat(secret).startsWith("jjn_").hasSizeGreaterThan(30);
		assertThat(registered.location()).isEqualTo("/api/v1/partner-clients/" + clientId);
		assertThat(issued.path("name").asString()).isEqualTo("住建局危房改造系统");
		assertThat(issued.path("unitId").asString()).isEqualTo(housingUnit);
		assertThat(issued.path("scopes").toString()).isEqualTo("[\"assistance-records:write\"]");

		Visitor system = new Visitor(port);
		assertProblem(system.send(tokenRequest(system, clientId, secret + "x")), 401,
				"security.client-credentials-invalid");
		Page token = system.send(tokenRequest(system, clientId, secret));
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		Partner partner = new Partner(port, clientId, JSON.readTree(token.body()).path("access_token").asString());
		Page allowed = partner.get("/api/v1/department-assistance");
		assertThat(allowed.status()).as("the scope granted opens its endpoint: " + allowed.body()).isEqualTo(200);
		assertProblem(partner.get("/api/v1/roster-feed"), 403, "security.access-denied");
		assertProblem(partner.get("/api/v1/partner-clients"), 403, "security.access-denied");

		Page read = admin.get(registered.location());
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains(clientId).contains("住建局危房改造系统").doesNotContain(secret)
			.doesNotContain("\"secret\"");
		assertThat(jdbc.sql("""
				select count(*) from audit_record
				 where action = 'identity.token-issued' and actor = :admin and details like :client
				   and details like '%CLIENT_REGISTERED%'""")
			.param("admin", countyAdmin.username())
			.param("client", "%" + clientId + "%")
			.query(Long.class)
			.single()).as("the registration is audited like the page's").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where details like :secret")
			.param("secret", "%" + secret + "%")
			.query(Long.class)
			.single()).as("the secret is in no audit record").isZero();
		assertThat(jdbc.sql("select secret_hash from identity_api_client where client_id = :client")
			.param("client", clientId)
			.query(String.class)
			.single()).as("the secret is kept only as a hash").isEqualTo(BearerTokens.hash(secret));
		assertThat(output.getAll()).as("the secret is never logged").doesNotContain(secret);
	}

	@Test
	void listsTheSystemsInTheAdministratorsScopeWithoutSecrets() {
		Page registered = register("{\"name\": \"住建局系统\", \"unitId\": \"%s\", \"scopes\": [\"roster-feed:read\", "
				+ "\"assistance-records:write\"]}", housingUnit);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode issued = JSON.readTree(registered.body());
		String clientId = issued.path("clientId").asString();
		String secret = issued.path("secret").asString();

		Page list = admin.get("/api/v1/partner-clients");

		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(secret).doesNotContain("\"secret\"").doesNotContain("secret_hash");
		JsonNode listed = null;
		for (JsonNode client : JSON.readTree(list.body())) {
			if (client.path("clientId").asString().equals(clientId)) {
				listed = client;
			}
		}
		assertThat(listed).as("the new system is listed: " + list.body()).isNotNull();
		assertThat(listed.path("name").asString()).isEqualTo("住建局系统");
		assertThat(listed.path("unitId").asString()).isEqualTo(housingUnit);
		assertThat(listed.path("scopes").toString()).isEqualTo("[\"assistance-records:write\",\"roster-feed:read\"]");
		assertThat(listed.path("disabled").asBoolean(true)).isFalse();
		assertThat(listed.has("createdAt")).isTrue();

		Visitor townshipAdmin = signedIn(staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.ADMINISTRATOR));
		Page theirs = townshipAdmin.get("/api/v1/partner-clients");
		assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
		assertThat(theirs.body()).as("a county department's system is outside a township's scope")
			.doesNotContain(clientId);
		assertProblem(townshipAdmin.get("/api/v1/partner-clients/" + clientId), 404, "identity.client-unknown");
		assertProblem(admin.get("/api/v1/partner-clients/jjn-client-unknown"), 404, "identity.client-unknown");
	}

	@Test
	void refusesEveryoneButAnAdministrator() {
		Visitor clerk = signedIn(staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor leader = signedIn(staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		String body = "{\"name\": \"越权登记的系统\", \"unitId\": \"%s\", \"scopes\": [\"assistance-records:write\"]}"
			.formatted(housingUnit);
		long before = clients("越权登记的系统");

		for (Visitor other : new Visitor[] { clerk, leader }) {
			assertProblem(other.json("POST", "/api/v1/partner-clients", body), 403, "security.access-denied");
			assertProblem(other.get("/api/v1/partner-clients"), 403, "security.access-denied");
		}
		assertProblem(new Visitor(port).get("/api/v1/partner-clients"), 401, "security.unauthenticated");
		Visitor noToken = signedIn(countyAdmin);
		assertProblem(noToken.send(HttpRequest.newBuilder(noToken.uri("/api/v1/partner-clients"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))), 403, "security.csrf-token-invalid");
		Visitor townshipAdmin = signedIn(staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.ADMINISTRATOR));
		Page outside = townshipAdmin.json("POST", "/api/v1/partner-clients", body);
		assertProblem(outside, 403, "identity.out-of-scope");

		assertThat(clients("越权登记的系统")).as("nothing registered").isEqualTo(before);
	}

	@Test
	void answersBadInputWith400NamingTheField() {
		long before = clients("坏输入系统");

		assertField(register("{\"name\": \"  \", \"unitId\": \"%s\", \"scopes\": [\"assistance-records:write\"]}",
				housingUnit), "identity.client-name-invalid", "name");
		assertField(register("{\"unitId\": \"%s\", \"scopes\": [\"assistance-records:write\"]}", housingUnit),
				"identity.client-name-invalid", "name");
		assertField(register("{\"name\": \"%s\", \"unitId\": \"%s\", \"scopes\": [\"assistance-records:write\"]}",
				"坏".repeat(101), housingUnit), "identity.client-name-invalid", "name");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", "
				+ "\"scopes\": [\"assistance-records:write\", \"cases:everything\"]}", housingUnit),
				"identity.client-scope-unknown", "scopes[1]");
		assertThat(admin.json("POST", "/api/v1/partner-clients", ("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", "
				+ "\"scopes\": [\"cases:everything\"]}").formatted(housingUnit)).body())
			.as("the message names the scope").contains("cases:everything");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", \"scopes\": [\"medical-settlements:write\"]}",
				housingUnit), "identity.client-scope-not-for-unit", "scopes[0]");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", \"scopes\": [\"Assistance Records\"]}",
				housingUnit), "identity.client-scopes-invalid", "scopes[0]");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", "
				+ "\"scopes\": [\"assistance-records:write\", null]}", housingUnit), "identity.client-scopes-invalid",
				"scopes[1]");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", \"scopes\": []}", housingUnit),
				"identity.client-scopes-invalid", "scopes");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\"}", housingUnit),
				"identity.client-scopes-invalid", "scopes");
		assertField(admin.json("POST", "/api/v1/partner-clients",
				"{\"name\": \"坏输入系统\", \"scopes\": [\"assistance-records:write\"]}"), "request.invalid-field",
				"unitId");
		assertField(admin.json("POST", "/api/v1/partner-clients",
				"{\"name\": \"坏输入系统\", \"unitId\": \"not-a-unit\", \"scopes\": [\"assistance-records:write\"]}"),
				"request.invalid-field-value", "unitId");
		assertField(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", \"scopes\": \"assistance-records:write\"}",
				housingUnit), "request.invalid-field-value", "scopes");
		assertProblem(register("{\"name\": \"坏输入系统\", \"unitId\": \"%s\", \"scopes\": [\"assistance-records:write\"]}",
				java.util.UUID.randomUUID().toString()), 404, "identity.unit-not-found");

		assertThat(clients("坏输入系统")).as("nothing registered").isEqualTo(before);
	}

	private Page register(String template, Object... arguments) {
		return admin.json("POST", "/api/v1/partner-clients", template.formatted(arguments));
	}

	private static void assertField(Page answer, String code, String field) {
		assertProblem(answer, 400, code);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).as("names the field").contains("\"field\":\"" + field + "\"");
	}

	private long clients(String name) {
		return jdbc.sql("select count(*) from identity_api_client where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private static HttpRequest.Builder tokenRequest(Visitor system, String clientId, String secret) {
		return HttpRequest.newBuilder(system.uri("/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
	}

}
