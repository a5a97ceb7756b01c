package org.jijinan.identity;

import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo account printed at the first start can sign in with its one-time password, set its own password and
 * reach a home page that shows its role. ({@code demo.clerk} is left to the browser test.)
 */
@SystemTest
class DemoAccountsTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoStaff demo;

	@Autowired
	Accounts accounts;

	@Autowired
	SecondFactor secondFactor;

	@Test
	void opensOneDemoAccountPerRole() {
		var roles = demo.oneTimePasswords()
			.keySet()
			.stream()
			.flatMap(username -> accounts.findByUsername(username).orElseThrow().roles().stream())
			.distinct()
			.toList();

		assertThat(roles).containsExactlyInAnyOrder(Role.values());
	}

	@Test
	void letsEveryDemoAccountSignInAndSeeItsHomePage() {
		demo.oneTimePasswords().forEach((username, oneTimePassword) -> {
			if (username.equals("demo.clerk")) {
				return;
			}
			Visitor visitor = new Visitor(port);
			Page login = visitor.signIn(username, oneTimePassword);
			assertThat(login.redirectsTo("/account/password")).as(username).isTrue();
			visitor.get("/account/password");
			Page changed = visitor.post("/account/password", Map.of("current", oneTimePassword, "replacement",
					StaffFixtures.PASSWORD, "confirmation", StaffFixtures.PASSWORD));
			if (changed.redirectsTo("/login/code/enrolment")) {
				enrol(visitor);
			}
			Page home = visitor.get("/");
			Role role = accounts.findByUsername(username).orElseThrow().roles().iterator().next();
			assertThat(home.status()).as(username).isEqualTo(200);
			assertThat(home.body()).as(username).contains("data-role=\"" + role.name() + "\"").contains("演示环境");
		});
	}

	private void enrol(Visitor visitor) {
		String secret = visitor.get("/login/code/enrolment")
			.body()
			.replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
		String code = secondFactor.codeAt(secret, secondFactor.currentStep());
		assertThat(visitor.post("/login/code/enrolment", Map.of("code", code)).redirectsTo("/")).isTrue();
	}

}
