package org.jijinan.identity;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTests extends IdentitySystemTest {

	@Autowired
	Accounts accounts;

	Opened qiabuqiaClerk;

	Opened daotangheClerk;

	@BeforeEach
	void setUp() {
		qiabuqiaClerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		daotangheClerk = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
	}

	@Test
	void letsATownshipClerkListTheAccountsOfTheirOwnTownship() {
		Visitor clerk = signedIn(qiabuqiaClerk);

		Page own = clerk.get("/api/v1/units/" + qiabuqiaClerk.unitId() + "/accounts");

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains(qiabuqiaClerk.username()).doesNotContain(daotangheClerk.username());
	}

	@Test
	void deniesATownshipClerkTheAccountsOfAnotherTownship() {
		Visitor clerk = signedIn(qiabuqiaClerk);

		Page list = clerk.get("/api/v1/units/" + daotangheClerk.unitId() + "/accounts");
		Page open = clerk.get("/api/v1/accounts/" + daotangheClerk.id());
		Page unit = clerk.get("/api/v1/units/" + daotangheClerk.unitId());

		for (Page denied : new Page[] { list, open, unit }) {
			assertThat(denied.status()).isEqualTo(403);
			assertThat(denied.contentType()).startsWith("application/problem+json");
			assertThat(denied.body()).contains("\"code\":\"identity.out-of-scope\"")
				.doesNotContain(daotangheClerk.username());
		}
	}

	@Test
	void listsOnlyUnitsWithinTheViewersRegion() {
		Page units = signedIn(qiabuqiaClerk).get("/api/v1/units");

		assertThat(units.body()).contains("恰卜恰镇人民政府").doesNotContain("倒淌河镇人民政府").doesNotContain("共和县民政局");
	}

	@Test
	void keepsATownshipAdministratorToTheirOwnTownship() {
		Opened admin = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR);
		Visitor visitor = signedIn(admin);
		long before = accounts.count();

		Page elsewhere = visitor.json("POST", "/api/v1/accounts", newClerk("t.elsewhere", daotangheClerk.unitId()));
		Page own = visitor.json("POST", "/api/v1/accounts", newClerk("t.own." + System.nanoTime() % 100000,
				qiabuqiaClerk.unitId()));

		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.body()).contains("identity.out-of-scope");
		assertThat(own.status()).isEqualTo(201);
		assertThat(own.body()).contains("oneTimePassword");
		assertThat(accounts.count()).isEqualTo(before + 1);
	}

	@Test
	void refusesAccountAdministrationToAClerk() {
		Visitor clerk = signedIn(qiabuqiaClerk);

		Page refused = clerk.json("POST", "/api/v1/accounts", newClerk("t.by-clerk", qiabuqiaClerk.unitId()));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("identity.administrator-required");
	}

	@Test
	void showsADepartmentOfficerOnlyTheirOwnUnit() {
		Opened officer = staff.active(StaffFixtures.COUNTY, UnitKind.HEALTH_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		Visitor visitor = signedIn(officer);

		assertThat(visitor.get("/api/v1/units").body()).contains("共和县卫生健康局").doesNotContain("恰卜恰镇人民政府");
		assertThat(visitor.get("/api/v1/units/" + qiabuqiaClerk.unitId() + "/accounts").status()).isEqualTo(403);
	}

	private static String newClerk(String username, UnitId unit) {
		return """
				{"username": "%s", "displayName": "新同事", "unitId": "%s", "roles": ["WINDOW_CLERK"]}"""
			.formatted(username, unit);
	}

}
