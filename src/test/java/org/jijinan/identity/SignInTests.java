package org.jijinan.identity;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

class SignInTests extends IdentitySystemTest {

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Visitor visitor;

	@BeforeEach
	void setUp() {
		visitor = new Visitor(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void leadsFromTheOneTimePasswordThroughThePasswordChangeToTheHomePage() {
		Opened clerk = staff.fresh(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		visitor.get("/cases");
		visitor.get("/login");
		String before = visitor.sessionId().orElseThrow();

		Page login = visitor.post("/login", Map.of("username", clerk.username(), "password", clerk.oneTimePassword()));

		assertThat(login.redirectsTo("/account/password")).isTrue();
		assertThat(visitor.sessionId()).get().isNotEqualTo(before);
		assertThat(visitor.get("/").redirectsTo("/account/password")).as("gate holds until the password changes")
			.isTrue();
		assertThat(visitor.get("/api/v1/me").status()).isEqualTo(403);
		visitor.get("/account/password");
		Page changed = visitor.post("/account/password", Map.of("current", clerk.oneTimePassword(), "replacement",
				StaffFixtures.PASSWORD, "confirmation", StaffFixtures.PASSWORD));
		assertThat(changed.redirectsTo("/")).isTrue();
		Page home = visitor.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("恰卜恰镇人民政府").contains("data-role=\"WINDOW_CLERK\"");

		assertThat(visitor.post("/logout", Map.of()).location()).endsWith("/login?logout");
		assertThat(visitor.get("/").redirectsTo("/public")).as("the public home, for anyone not signed in").isTrue();
		assertThat(auditCount(clerk.username(), "identity.sign-in.logout", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void keepsNoSessionForVisitorsWhoOnlyReadTheLoginPageOrAPublicForm() {
		long before = sessions();
		for (int visit = 0; visit < 20; visit++) {
			Visitor passerBy = new Visitor(port);
			Page login = passerBy.get("/login");
			assertThat(login.body()).contains("name=\"_csrf\"");
			passerBy.get("/public/apply");
			assertThat(passerBy.sessionId()).isEmpty();
		}
		assertThat(sessions()).isEqualTo(before);

		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		assertThat(visitor.signIn(clerk.username(), StaffFixtures.PASSWORD).redirectsTo("/")).isTrue();
		assertThat(visitor.sessionId()).isPresent();
	}

	@Test
	void tellsBrowsersToSendNoAddressToOtherSites() {
		assertThat(sendForHeaders("/login").firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(sendForHeaders("/public/apply").firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(sendForHeaders("/api/v1/me").firstValue("Referrer-Policy")).contains("same-origin");
	}

	private HttpHeaders sendForHeaders(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(visitor.uri(path)).build(), HttpResponse.BodyHandlers.discarding())
				.headers();
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	@Test
	void refusesAPasswordThatBreaksThePolicyAndKeepsTheGate() {
		Opened clerk = staff.fresh(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		visitor.signIn(clerk.username(), clerk.oneTimePassword());
		visitor.get("/account/password");

		Page refused = visitor.post("/account/password", Map.of("current", clerk.oneTimePassword(), "replacement",
				"gonghe-county-2026", "confirmation", "gonghe-county-2026"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("密码不能包含地名");
		assertThat(visitor.get("/").redirectsTo("/account/password")).isTrue();
	}

	@Test
	void refusesAWrongPasswordAndAuditsTheFailure() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);

		Page login = visitor.signIn(clerk.username(), "Wrong-Password-000");

		assertThat(login.location()).endsWith("/login?error");
		assertThat(visitor.get("/").redirectsTo("/public")).as("the public home, for anyone not signed in").isTrue();
		assertThat(auditCount(clerk.username(), "identity.sign-in.password", "FAILURE")).isEqualTo(1);
	}

	@Test
	void locksTheAccountAfterFiveFailuresUntilTheLockoutEnds() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(visitor.signIn(clerk.username(), "Wrong-Password-" + attempt).location()).endsWith("/login?error");
		}

		Page whileLocked = visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);
		assertThat(whileLocked.location()).as("the right password does not open a locked account")
			.endsWith("/login?error");
		assertThat(visitor.get("/").redirectsTo("/public")).as("the public home, for anyone not signed in").isTrue();
		assertThat(auditCount(clerk.id().toString(), "identity.account-locked", "SUCCESS")).isEqualTo(1);

		clock.advance(Duration.ofMinutes(16));
		assertThat(visitor.signIn(clerk.username(), StaffFixtures.PASSWORD).redirectsTo("/")).isTrue();
	}

	@Test
	void answersALockedAccountAsAnUnknownOneAndKeepsItsTokensWorking() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		String token = personalToken(StaffFixtures.signedIn(port, clerk), "WINDOW_CLERK");
		String nobody = "nobody." + System.nanoTime() % 1_000_000;
		Visitor other = new Visitor(port);
		for (int attempt = 1; attempt <= 6; attempt++) {
			visitor.signIn(clerk.username(), "Wrong-Password-" + attempt);
			other.signIn(nobody, "Wrong-Password-" + attempt);
		}

		Page locked = visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);
		Page unknown = other.signIn(nobody, StaffFixtures.PASSWORD);
		assertThat(locked.location()).isEqualTo(unknown.location());
		String lockedPage = visitor.get("/login?error").body();
		assertThat(loginError(lockedPage)).isNotEmpty().isEqualTo(loginError(other.get("/login?error").body()));
		assertThat(auditCount(clerk.username(), "identity.sign-in.password", "FAILURE")).isGreaterThanOrEqualTo(7);

		Visitor script = new Visitor(port);
		Page me = script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization", "Bearer " + token));
		assertThat(me.status()).as("a password lockout stops password sign-in only").isEqualTo(200);
	}

	@Test
	void mintsPersonalTokensOnlyFromASessionAndEndsThemWhenThePasswordOrTheRolesChange() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER);
		Visitor session = StaffFixtures.signedIn(port, clerk);
		String first = personalToken(session, "WINDOW_CLERK");
		Visitor script = new Visitor(port);

		Page minted = script.send(HttpRequest.newBuilder(script.uri("/api/v1/personal-tokens"))
			.header("Authorization", "Bearer " + first)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"name\": \"longer\", \"roles\": [\"WINDOW_CLERK\"], \"days\": 90}")));
		assertProblem(minted, 403, "identity.token-needs-session");
		assertThat(tokensOf(clerk)).isEqualTo(1);

		session.get("/account/password");
		String replacement = "Quiet-Meadow-8812";
		assertThat(session.post("/account/password", Map.of("current", StaffFixtures.PASSWORD, "replacement",
				replacement, "confirmation", replacement)).redirectsTo("/")).isTrue();
		assertProblem(bearer(script, first), 401, "security.token-invalid");
		assertThat(session.get("/account").body()).contains("已失效");

		String second = personalToken(session, "WINDOW_CLERK");
		assertThat(bearer(script, second).status()).isEqualTo(200);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Page changed = admin.json("PUT", "/api/v1/accounts/" + clerk.id().value() + "/roles",
				"{\"roles\": [\"WINDOW_CLERK\"]}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertProblem(bearer(script, second), 401, "security.token-invalid");
		assertThat(jdbc.sql("select count(*) from identity_access_token where account_id = :id and revoked_at is not null")
			.param("id", clerk.id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'identity.token-revoked'"
				+ " and subject_id in (select id::text from identity_access_token where account_id = :id)")
			.param("id", clerk.id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesARevokedTokenOnTheVeryNextCall() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor session = StaffFixtures.signedIn(port, clerk);
		String token = personalToken(session, "WINDOW_CLERK");
		Visitor script = new Visitor(port);
		assertThat(bearer(script, token).status()).as("honoured, and now kept by this node").isEqualTo(200);
		assertThat(bearer(script, token).status()).isEqualTo(200);

		StaffFixtures.revokeOwnToken(session);

		assertProblem(bearer(script, token), 401, "security.token-invalid");
	}

	@Test
	void endsEverySessionAndTokenOfAStoppedAccountAtOnceAndRefusesItsSignIn() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor session = StaffFixtures.signedIn(port, clerk);
		String token = personalToken(session, "WINDOW_CLERK");
		Visitor script = new Visitor(port);
		assertThat(bearer(script, token).status()).isEqualTo(200);
		Opened administrator = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		Visitor admin = StaffFixtures.signedIn(port, administrator);

		Page stopped = admin.json("POST", "/api/v1/accounts/" + clerk.id().value() + "/disabling", "{}");

		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(stopped.body()).contains("\"disabled\":true");
		assertProblem(bearer(script, token), 401, "security.token-invalid");
		assertThat(session.get("/cases").redirectsTo("/login")).as("the open session has ended").isTrue();
		assertThat(new Visitor(port).signIn(clerk.username(), StaffFixtures.PASSWORD).location())
			.endsWith("/login?error");
		assertProblem(admin.json("POST", "/api/v1/accounts/" + clerk.id().value() + "/disabling", "{}"), 409,
				"identity.account-already-disabled");
		assertProblem(admin.json("POST", "/api/v1/accounts/" + administrator.id().value() + "/disabling", "{}"), 422,
				"identity.cannot-disable-self");
		assertThat(auditCount(clerk.id().toString(), "identity.account-disabled", "SUCCESS")).isEqualTo(1);

		Page back = admin.json("POST", "/api/v1/accounts/" + clerk.id().value() + "/enabling", "{}");
		assertThat(back.status()).as(back.body()).isEqualTo(200);
		assertThat(StaffFixtures.signedIn(port, clerk).get("/cases").status()).isEqualTo(200);
		assertProblem(bearer(script, token), 401, "security.token-invalid");
		assertProblem(admin.json("POST", "/api/v1/accounts/" + clerk.id().value() + "/enabling", "{}"), 409,
				"identity.account-not-disabled");
	}

	@Test
	void aBearerCallNeitherMakesNorTouchesASession() throws Exception {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		String token = personalToken(StaffFixtures.signedIn(port, clerk), "WINDOW_CLERK");
		long sessions = jdbc.sql("select count(*) from spring_session").query(Long.class).single();

		var answer = java.net.http.HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(new Visitor(port).uri("/api/v1/help-request-queue"))
				.header("Authorization", "Bearer " + token)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().allValues("set-cookie")).as("no session and no CSRF cookie").isEmpty();
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(sessions);
	}

	private long tokensOf(Opened account) {
		return jdbc.sql("select count(*) from identity_access_token where account_id = :id")
			.param("id", account.id().value())
			.query(Long.class)
			.single();
	}

	private static Page bearer(Visitor script, String token) {
		return script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization", "Bearer " + token));
	}

	private static String personalToken(Visitor session, String role) {
		return StaffFixtures.personalToken(session, 30, role);
	}

	private static String loginError(String page) {
		return page.replaceAll("(?s).*<p class=\"problem\" role=\"alert\" id=\"login-error\">([^<]*)</p>.*", "$1");
	}

	@Test
	void givesApproversAShorterIdleTimeoutThanClerks() {
		Opened approver = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);

		assertThat(idleTimeoutAfterSignIn(approver)).isEqualTo(15 * 60);
		assertThat(idleTimeoutAfterSignIn(clerk)).isEqualTo(30 * 60);
	}

	@Test
	void makesARoleThatRequiresTotpEnrolAndThenAsksForACodeThatCannotBeReused() {
		Opened supervisor = staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR);

		assertThat(visitor.signIn(supervisor.username(), StaffFixtures.PASSWORD).redirectsTo("/login/code/enrolment"))
			.isTrue();
		assertThat(visitor.get("/").redirectsTo("/login/code/enrolment")).isTrue();
		Page enrolment = visitor.get("/login/code/enrolment");
		String secret = enrolment.body().replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
		assertThat(visitor.post("/login/code/enrolment", Map.of("code", "000000")).body()).contains("验证码不正确");
		Page enrolled = visitor.post("/login/code/enrolment", Map.of("code", codeNow(secret)));
		assertThat(enrolled.redirectsTo("/")).isTrue();
		assertThat(visitor.get("/").status()).isEqualTo(200);

		clock.advance(Duration.ofSeconds(SecondFactor.PERIOD_SECONDS * 3));
		Visitor second = new Visitor(port);
		assertThat(second.signIn(supervisor.username(), StaffFixtures.PASSWORD).redirectsTo("/login/code")).isTrue();
		second.get("/login/code");
		String code = codeNow(secret);
		assertThat(second.post("/login/code", Map.of("code", code)).redirectsTo("/")).isTrue();

		Visitor third = new Visitor(port);
		third.signIn(supervisor.username(), StaffFixtures.PASSWORD);
		third.get("/login/code");
		assertThat(third.post("/login/code", Map.of("code", code)).body()).contains("验证码已使用过");
		assertThat(third.get("/").redirectsTo("/login/code")).isTrue();
		assertThat(auditCount(supervisor.username(), "identity.sign-in.totp", "FAILURE")).as("wrong and reused codes")
			.isEqualTo(2);
	}

	@Test
	void refusesAFormPostWithoutCsrfToken() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);

		Page withoutToken = visitor.postRaw("/account/password",
				Map.of("current", StaffFixtures.PASSWORD, "replacement", "Another-Secret-8812", "confirmation",
						"Another-Secret-8812"));

		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(visitor.signIn(clerk.username(), StaffFixtures.PASSWORD).redirectsTo("/")).as("password unchanged")
			.isTrue();
	}

	@Test
	void neverWritesThePasswordHashIntoTheSessionStore() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		visitor.signIn(clerk.username(), StaffFixtures.PASSWORD);

		long withHash = jdbc.sql("select count(*) from spring_session_attributes "
				+ "where position(convert_to('argon2', 'UTF8') in attribute_bytes) > 0")
			.query(Long.class)
			.single();
		long sessions = jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", clerk.username())
			.query(Long.class)
			.single();

		assertThat(sessions).isEqualTo(1);
		assertThat(withHash).isZero();
	}

	private int idleTimeoutAfterSignIn(Opened account) {
		Visitor own = new Visitor(port);
		own.signIn(account.username(), StaffFixtures.PASSWORD);
		return jdbc.sql("select max_inactive_interval from spring_session where principal_name = :name")
			.param("name", account.username())
			.query(Integer.class)
			.single();
	}

	private String codeNow(String secret) {
		return secondFactor.codeAt(secret, secondFactor.currentStep());
	}

	private long auditCount(String subject, String action, String result) {
		return jdbc.sql("select count(*) from audit_record where subject_id = :subject and action = :action "
				+ "and result = :result")
			.param("subject", subject)
			.param("action", action)
			.param("result", result)
			.query(Long.class)
			.single();
	}

}
