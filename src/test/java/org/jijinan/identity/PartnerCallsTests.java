package org.jijinan.identity;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of a partner system is limited and recorded: past its calls per minute it is answered 429 with how long
 * to wait, and its administrator sees each call with its outcome, never its query string.
 */
class PartnerCallsTests extends IdentitySystemTest {

	@Autowired
	IdentitySettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void limitsAPartnersCallsAndRecordsEachWithItsOutcome() {
		Opened countyAdmin = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		Visitor admin = signedIn(countyAdmin);
		Partner hotline = PartnerFixtures.register(port, admin, "12349 热线系统",
				staff.unitAt(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE).id().value().toString(),
				"help-requests:write");

		int unknown = hotline.get("/api/v1/help-requests/QH-NOT-A-NUMBER?secret=abc").status();
		assertThat(unknown).isBetween(400, 404);
		int answered = 1;
		Page limited = hotline.get("/api/v1/partner");
		while (limited.status() == 200 && answered < 2 * settings.partnerCallsPerMinute()) {
			answered++;
			limited = hotline.get("/api/v1/partner");
		}

		assertThat(answered).as("a full minute's calls are answered before the limit")
			.isGreaterThanOrEqualTo(settings.partnerCallsPerMinute());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.body()).contains("security.partner-rate-limited");
		Page calls = admin.get("/admin/clients/" + hotline.clientId() + "/calls");
		assertThat(calls.status()).isEqualTo(200);
		assertThat(calls.body()).contains("GET /api/v1/partner").contains(">200<").contains(">429<");
		assertThat(jdbc.sql("select path || ' ' || status from identity_partner_call where client_id = :client")
			.param("client", hotline.clientId())
			.query(String.class)
			.list()).as("every call recorded, without its query string")
			.hasSize(answered + 1)
			.contains("/api/v1/help-requests/QH-NOT-A-NUMBER " + unknown)
			.noneMatch(call -> call.contains("secret"));
		assertThat(signedIn(staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR))
			.get("/admin/clients/" + hotline.clientId() + "/calls")
			.status()).as("another administrator's system").isEqualTo(404);
	}

}
