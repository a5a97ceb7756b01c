package org.jijinan.identity;

import java.net.http.HttpRequest;

import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsTests extends IdentitySystemTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Visitor admin;

	Opened adminAccount;

	@BeforeEach
	void setUp() {
		adminAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		admin = new Visitor(port);
		admin.signIn(adminAccount.username(), StaffFixtures.PASSWORD);
		admin.get("/");
	}

	@Test
	void answersMalformedJsonWith400AndWritesNothing() {
		long before = count("identity_account");

		Page answer = admin.json("POST", "/api/v1/accounts", "{\"username\": \"x\", ");

		assertProblem(answer, 400, "request.malformed-body");
		assertThat(count("identity_account")).isEqualTo(before);
	}

	@Test
	void answersAMissingFieldWith400NamingTheField() {
		Page answer = admin.json("POST", "/api/v1/accounts",
				"{\"username\": \"t.nofield\", \"unitId\": \"%s\", \"roles\": [\"WINDOW_CLERK\"]}"
					.formatted(adminAccount.unitId()));

		assertProblem(answer, 400, "request.invalid-field");
		assertThat(answer.body()).contains("\"field\":\"displayName\"");
	}

	@Test
	void answersAnUnknownRoleWith400() {
		Page answer = admin.json("POST", "/api/v1/accounts",
				"{\"username\": \"t.badrole\", \"displayName\": \"某\", \"unitId\": \"%s\", \"roles\": [\"KING\"]}"
					.formatted(adminAccount.unitId()));

		assertProblem(answer, 400, "request.invalid-field-value");
		assertThat(answer.body()).as("the answer names the field").contains("\"field\":\"roles[0]\"");
	}

	@Test
	void answersADuplicateUserNameWith409() {
		Page answer = admin.json("POST", "/api/v1/accounts",
				"{\"username\": \"%s\", \"displayName\": \"重名\", \"unitId\": \"%s\", \"roles\": [\"LEADER\"]}"
					.formatted(adminAccount.username(), adminAccount.unitId()));

		assertProblem(answer, 409, "identity.username-taken");
	}

	@Test
	void answersARoleThatDoesNotFitTheUnitWith422() {
		Page answer = admin.json("POST", "/api/v1/accounts",
				"{\"username\": \"t.charity-at-bureau\", \"displayName\": \"某\", \"unitId\": \"%s\", \"roles\": [\"CHARITY_OFFICER\"]}"
					.formatted(adminAccount.unitId()));

		assertProblem(answer, 422, "identity.role-not-for-unit");
	}

	@Test
	void answersUnknownAndMalformedRegionCodes() {
		assertProblem(admin.get("/api/v1/regions/632599"), 404, "region.unknown-code");
		assertProblem(admin.get("/api/v1/regions/63x"), 400, "request.invalid-parameter-value");
		Page known = admin.get("/api/v1/regions/632521104");
		assertThat(known.status()).isEqualTo(200);
		assertThat(known.body()).contains("黑马河镇").contains("\"validFrom\":\"2023-01-01\"");
		assertThat(admin.get("/api/v1/regions/632521200").body()).contains("\"successorCode\":\"632521104\"");
	}

	@Test
	void answersAnUnknownIdentifierWith400Or404() {
		assertProblem(admin.get("/api/v1/accounts/not-a-uuid"), 400, "request.invalid-parameter-value");
		assertProblem(admin.get("/api/v1/accounts/00000000-0000-0000-0000-000000000000"), 404,
				"identity.account-not-found");
		assertProblem(admin.get("/api/v1/no-such-thing"), 404, "request.http-404");
	}

	@Test
	void refusesAStateChangeWithoutCsrfTokenFromASession() {
		long before = count("identity_account");

		Page answer = admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\": \"t.nocsrf\", \"displayName\": \"某\", \"unitId\": \"%s\", \"roles\": [\"LEADER\"]}"
						.formatted(adminAccount.unitId()))));

		assertProblem(answer, 403, "security.csrf-token-invalid");
		assertThat(count("identity_account")).isEqualTo(before);
	}

	@Test
	void refusesWrongAndUnknownBearerTokensWith401() {
		Visitor partner = new Visitor(port);

		for (String token : new String[] { "jjn_forged", "not-even-ours", "" }) {
			Page answer = partner.send(HttpRequest.newBuilder(partner.uri("/api/v1/me"))
				.header("Authorization", "Bearer " + token));
			assertProblem(answer, 401, "security.token-invalid");
		}
		assertProblem(partner.get("/api/v1/me"), 401, "security.unauthenticated");
	}

	@Test
	void acceptsAPersonalTokenNoBroaderThanItsOwnerAndRefusesItAfterExpiry() {
		Page broader = admin.json("POST", "/api/v1/personal-tokens",
				"{\"name\": \"script\", \"roles\": [\"COUNTY_APPROVER\"], \"days\": 30}");
		assertProblem(broader, 422, "identity.token-broader-than-owner");
		assertProblem(admin.json("POST", "/api/v1/personal-tokens",
				"{\"name\": \"script\", \"roles\": [\"ADMINISTRATOR\"], \"days\": 365}"), 400, "request.invalid-field");

		Page issued = admin.json("POST", "/api/v1/personal-tokens",
				"{\"name\": \"script\", \"roles\": [\"ADMINISTRATOR\"], \"days\": 30}");
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		assertThat(jdbc.sql("select count(*) from identity_access_token where token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).as("only the hash is stored").isZero();

		Visitor script = new Visitor(port);
		Page me = script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization", "Bearer " + token));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body()).contains(adminAccount.username());
		Page opened = script.send(HttpRequest.newBuilder(script.uri("/api/v1/accounts"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\": \"t.by-token-%d\", \"displayName\": \"某\", \"unitId\": \"%s\", \"roles\": [\"LEADER\"]}"
						.formatted(System.nanoTime() % 100000, adminAccount.unitId()))));
		assertThat(opened.status()).as("a bearer request needs no CSRF token").isEqualTo(201);

		// Thirty days on, the token has run out (the node kept who it names, but never past its expiry).
		clock.advance(java.time.Duration.ofDays(31));
		try {
			assertProblem(script.send(HttpRequest.newBuilder(script.uri("/api/v1/me"))
				.header("Authorization", "Bearer " + token)), 401, "security.token-invalid");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void rejectsARegionImportWithBadRowsAsAWholeAndNamesEachRow() {
		long before = count("region_division");
		String csv = """
				code,name,level,parent_code,valid_from,valid_to,successor_code
				632521100901,新村一,VILLAGE,632521100,,,
				632521100902,,VILLAGE,632521100,,,
				632521100903,新村三,VILLAGE,632521999,,,
				632521100904,新村四,HAMLET,632521100,,,
				632521100905,新村五,VILLAGE,632521100,2015-02-31,,
				""";

		Page answer = admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/regions/imports"))
			.header("Content-Type", "text/csv")
			.header("X-CSRF-TOKEN", admin.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(csv)));

		assertProblem(answer, 422, "region.import-rejected");
		assertThat(answer.body()).contains("\"line\":3").contains("region.name-invalid")
			.contains("\"line\":4").contains("region.unknown-parent")
			.contains("\"line\":5").contains("region.unknown-level")
			.contains("\"line\":6").contains("region.invalid-date")
			.doesNotContain("\"line\":2");
		assertThat(count("region_division")).isEqualTo(before);
	}

	@Test
	void importsGoodRowsAndRefusesDivisionsOutsideTheAdministratorsArea() {
		String csv = """
				code,name,level,parent_code,valid_from,valid_to,successor_code
				632521102901,龙羊峡新村（测试）,VILLAGE,632521102,2026-01-01,,
				""";
		Page added = admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/regions/imports"))
			.header("Content-Type", "text/csv")
			.header("X-CSRF-TOKEN", admin.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(csv)));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.body()).contains("\"added\":1");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'region.divisions-imported' "
				+ "and subject_id = '632521102901' and actor = :actor")
			.param("actor", adminAccount.username())
			.query(Long.class)
			.single()).isEqualTo(1);

		String outside = """
				code,name,level,parent_code,valid_from,valid_to,successor_code
				632522,另一个县,COUNTY,632500,,,
				""";
		Page refused = admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/regions/imports"))
			.header("Content-Type", "text/csv")
			.header("X-CSRF-TOKEN", admin.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(outside)));
		assertProblem(refused, 422, "region.import-rejected");
		assertThat(refused.body()).contains("region.outside-caller-scope");
	}

	@Test
	void answersInEnglishWhenTheClientAsksForIt() {
		Visitor partner = new Visitor(port);
		Page answer = partner.send(HttpRequest.newBuilder(partner.uri("/api/v1/me")).header("Accept-Language", "en"));

		assertThat(answer.body()).contains("\"detail\":\"Sign in or present a valid access token.\"")
			.contains("\"zh-CN\":\"需要登录或提供有效的访问令牌。\"");
	}

	@Test
	void showsPagesErrorsAsAMessageNotAStackTrace() {
		Page missing = admin.get("/no-such-page");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("text/html");
		assertThat(missing.body()).contains("您要找的页面或资源不存在").doesNotContain("Exception").doesNotContain("at org.");
	}

	private static void assertProblem(Page answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"code\":\"" + code + "\"")
			.contains("\"zh-CN\":")
			.contains("\"en\":")
			.doesNotContain("Exception")
			.doesNotContain("SQL");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
