package org.jijinan.identity;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Map;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrationPagesTests extends IdentitySystemTest {

	@LocalManagementPort
	int managementPort;

	@Autowired
	Accounts accounts;

	Opened townshipAdmin;

	Visitor admin;

	@BeforeEach
	void setUp() {
		townshipAdmin = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR);
		admin = signedIn(townshipAdmin);
	}

	@Test
	void opensAnAccountFromTheUnitPageAndShowsTheOneTimePasswordOnce() {
		String username = "t.page." + System.nanoTime() % 100000;
		admin.get("/admin/units/" + townshipAdmin.unitId());

		Page answer = admin.post("/admin/units/" + townshipAdmin.unitId() + "/accounts",
				Map.of("username", username, "displayName", "王五", "roles", "TOWNSHIP_REVIEWER"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).as("the new account's page, naming the person and the unit")
			.contains("id=\"one-time-password\"")
			.contains("<code id=\"one-time-username\">" + username + "</code>")
			.contains("王五（" + unitName() + "）的一次性密码");
		assertThat(accounts.findByUsername(username)).get()
			.satisfies(account -> assertThat(account.roles()).containsExactly(Role.TOWNSHIP_REVIEWER));
		assertThat(admin.get("/admin/units/" + townshipAdmin.unitId()).body()).doesNotContain("one-time-password");
	}

	@Test
	void explainsARefusedAccountOnThePageWithoutSavingIt() {
		admin.get("/admin/units/" + townshipAdmin.unitId());
		long before = accounts.count();

		Page answer = admin.post("/admin/units/" + townshipAdmin.unitId() + "/accounts",
				Map.of("username", "Bad Name!", "displayName", "王五", "roles", "WINDOW_CLERK"));
		Page noRole = admin.post("/admin/units/" + townshipAdmin.unitId() + "/accounts",
				Map.of("username", "t.no-role", "displayName", "王五"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("id=\"problem\"")
			.containsPattern("id=\"username-problem\"[^>]*>用户名须为")
			.as("everything typed is kept")
			.contains("value=\"Bad Name!\"")
			.contains("value=\"王五\"")
			.containsPattern("value=\"WINDOW_CLERK\" checked");
		assertThat(noRole.body()).as("the rule in words, not the field's code")
			.containsPattern("id=\"roles-problem\"[^>]*>至少需要一个角色")
			.doesNotContain("roles”");
		assertThat(accounts.count()).isEqualTo(before);
	}

	@Test
	void showsAnAccountByNameAndUnitWithWhatMayBeDoneToIt() {
		Opened clerk = staff.named("卓玛", StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		String unit = admin.get("/admin/units/" + townshipAdmin.unitId()).body();
		assertThat(unit).as("colleagues by name, never by login").contains(">卓玛</a>").doesNotContain(clerk.username());

		Page account = admin.get("/admin/accounts/" + clerk.id());
		Page reset = admin.post("/admin/accounts/" + clerk.id() + "/password-reset", Map.of());

		assertThat(account.body()).contains("<h1 id=\"account-name\">卓玛</h1>").contains(unitName())
			.contains("发放新的一次性密码")
			.doesNotContain("解锁</button>")
			.doesNotContain(clerk.username());
		assertThat(reset.body()).as("the login is shown only to hand it over with the password")
			.contains("<code id=\"one-time-username\">" + clerk.username() + "</code>")
			.contains("卓玛（" + unitName() + "）的一次性密码");
	}

	@Test
	void answersAMalformedFormFieldWithA400Page() {
		admin.get("/admin/units");

		Page answer = admin.post("/admin/units", Map.of("name", "某机构", "kind", "KINGDOM", "divisionCode", "632521100"));
		Page badId = admin.get("/admin/units/not-a-uuid");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("id=\"problem\"").doesNotContain("Exception");
		assertThat(badId.status()).isEqualTo(400);
	}

	@Test
	void showsAndChoosesUnitsAreasByName() {
		Visitor county = signedIn(staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));

		String units = county.get("/admin/units").body();

		String table = units.substring(units.indexOf("<table id=\"units\""), units.indexOf("</table>"));
		assertThat(table).as("units by the name of their area").contains("<td>恰卜恰镇</td>")
			.doesNotContainPattern("<td>6325\\d+</td>");
		assertThat(units).as("the area is chosen by name").contains("<option value=\"632521\">共和县</option>")
			.contains("<option value=\"632521100\">恰卜恰镇</option>")
			.doesNotContain("inputmode=\"numeric\" pattern=");
	}

	@Test
	void refusesAnOverlongUnitNameWithA400() {
		Visitor county = signedIn(staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		county.get("/admin/units");

		Page refused = county.post("/admin/units", Map.of("name", "机".repeat(150), "kind", "CHARITY", "divisionCode",
				"632521"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("unit-form");
	}

	@Test
	void refusesTheUnitPageOfAnotherTownship() {
		var daotanghe = staff.unitAt(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT);

		Page answer = admin.get("/admin/units/" + daotanghe.id());

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.body()).contains("不在您的管辖范围内");
		assertThat(admin.get("/admin/units").body()).contains("恰卜恰镇人民政府").doesNotContain("倒淌河镇人民政府");
	}

	@Test
	void refusesAdministrationPagesToAClerk() {
		Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);

		assertThat(signedIn(clerk).get("/admin/units").status()).isEqualTo(403);
	}

	@Test
	void registersAPartnerSystemWhoseCredentialsBuyAnAccessToken() {
		admin.get("/admin/clients");
		Page hospitalScope = admin.post("/admin/clients", Map.of("name", "乡镇系统", "unitId",
				townshipAdmin.unitId().toString(), "scopes", "help-requests:write medical-settlements:write"));
		assertThat(hospitalScope.body()).as("a township's system is never given a hospital's scope")
			.contains("不能授予这类单位的系统")
			.doesNotContain("client-secret");
		assertThat(admin.post("/admin/clients", Map.of("name", "乡镇系统", "unitId", townshipAdmin.unitId().toString(),
				"scopes", "cases:everything")).body()).contains("没有权限范围 cases:everything");
		Page registered = admin.post("/admin/clients", Map.of("name", "乡镇受理系统", "unitId",
				townshipAdmin.unitId().toString(), "scopes", "help-requests:write"));
		String clientId = registered.body().replaceAll("(?s).*<code id=\"client-id\">([^<]+)</code>.*", "$1");
		String secret = registered.body().replaceAll("(?s).*<code id=\"client-secret\">([^<]+)</code>.*", "$1");

		Visitor partner = new Visitor(port);
		Page wrong = partner.send(tokenRequest(clientId, "jjn_wrong"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("security.client-credentials-invalid");
		Page token = partner.send(tokenRequest(clientId, secret));
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":3600");
		String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		Page whoAmI = partner.send(HttpRequest.newBuilder(partner.uri("/api/v1/partner"))
			.header("Authorization", "Bearer " + accessToken));
		assertThat(whoAmI.body()).contains(clientId).contains("help-requests:write");
		Page staffOnly = partner.send(HttpRequest.newBuilder(partner.uri("/api/v1/me"))
			.header("Authorization", "Bearer " + accessToken));
		assertThat(staffOnly.status()).as("a partner is not staff").isEqualTo(403);
	}

	@Test
	void showsHealthToAnyoneButMetricsOnlyToAMonitoringClient() {
		Visitor monitor = new Visitor(managementPort);
		assertThat(monitor.get("/actuator/health").body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(monitor.get("/actuator/prometheus").status()).isEqualTo(401);

		admin.get("/admin/clients");
		Page registered = admin.post("/admin/clients", Map.of("name", "Prometheus", "unitId",
				townshipAdmin.unitId().toString(), "scopes", "metrics:read"));
		String clientId = registered.body().replaceAll("(?s).*<code id=\"client-id\">([^<]+)</code>.*", "$1");
		String secret = registered.body().replaceAll("(?s).*<code id=\"client-secret\">([^<]+)</code>.*", "$1");
		String accessToken = new Visitor(port).send(tokenRequest(clientId, secret))
			.body()
			.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

		Page metrics = monitor.send(HttpRequest.newBuilder(monitor.uri("/actuator/prometheus"))
			.header("Authorization", "Bearer " + accessToken));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void refusesAPartnerSystemForAUnitOutsideTheScope() {
		var daotanghe = staff.unitAt(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT);
		admin.get("/admin/clients");

		Page answer = admin.post("/admin/clients",
				Map.of("name", "外乡系统", "unitId", daotanghe.id().toString(), "scopes", "roster-feed:read"));

		assertThat(answer.status()).isEqualTo(403);
	}

	@Test
	void createsAndRevokesAPersonalTokenOnTheProfilePage() {
		admin.get("/account");
		Page issued = admin.post("/account/tokens", Map.of("name", "夜间脚本", "roles", "ADMINISTRATOR", "days", "7"));
		String token = issued.body().replaceAll("(?s).*<code id=\"token\">([^<]+)</code>.*", "$1");
		assertThat(token).startsWith("jjn_");
		Visitor script = new Visitor(port);
		assertThat(script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization",
				"Bearer " + token)).status()).isEqualTo(200);

		String tokenId = issued.body().replaceAll("(?s).*/account/tokens/([0-9a-f-]{36})/revocation.*", "$1");
		admin.post("/account/tokens/" + tokenId + "/revocation", Map.of());

		assertThat(script.send(HttpRequest.newBuilder(script.uri("/api/v1/me")).header("Authorization",
				"Bearer " + token)).status()).isEqualTo(401);
	}

	@Test
	void showsTheRegionTreeAndUnfoldsAVillageLevel() {
		Page tree = admin.get("/admin/regions");
		assertThat(tree.body()).contains("恰卜恰镇").contains("632521100");

		Page villages = admin.get("/admin/regions/632521100/children");
		assertThat(villages.body()).contains("恰卜恰东村（演示）").doesNotContain("<html");
		assertThat(admin.get("/admin/regions/632521101/children").status()).isEqualTo(403);
	}

	@Test
	void showsTheAuditTrailAndItsVerificationToACountyAdministrator() {
		Visitor county = signedIn(staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));

		Page records = county.get("/admin/audit");
		assertThat(records.status()).isEqualTo(200);
		assertThat(records.body()).contains("<td class=\"action\">开通账户</td>").contains("hx-post");
		Page verified = county.post("/admin/audit/verification", Map.of());
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).contains("id=\"chain-intact\"").doesNotContain("<html");
	}

	@Test
	void keepsTheAuditTrailFromStaffWithoutAuditDuties() {
		Opened reviewer = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER);

		assertThat(signedIn(reviewer).get("/admin/audit").status()).isEqualTo(403);
		assertThat(admin.get("/admin/audit").status()).as("a township administrator").isEqualTo(403);
		assertThat(new Visitor(port).get("/admin/audit").redirectsTo("/login")).isTrue();
	}

	private String unitName() {
		return units.findById(townshipAdmin.unitId()).orElseThrow().name();
	}

	private HttpRequest.Builder tokenRequest(String clientId, String secret) {
		return HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
	}

}
