package org.jijinan.people;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.people.PeopleTests.assertProblem;
import static org.jijinan.people.PeopleTests.idOf;
import static org.jijinan.people.PeopleTests.newIdNumber;
import static org.jijinan.people.PeopleTests.person;

@SystemTest
class HouseholdTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	@BeforeEach
	void signIn() {
		var account = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		clerk = StaffFixtures.signedIn(port, account);
	}

	@Test
	void keepsTheHistoryWhenAMemberMovesToAnotherHousehold() {
		String father = register("父亲", "19600101", 1);
		String son = register("儿子", "19900101", 3);
		String other = register("另一户主", "19650101", 5);
		String first = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(father)));
		clerk.json("POST", "/api/v1/households/" + first + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"CHILD\"}".formatted(son));
		String second = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(other)));

		Page moved = clerk.json("POST", "/api/v1/households/" + second + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"OTHER_RELATIVE\"}".formatted(son));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.body()).contains(son);
		Page before = clerk.get("/api/v1/households/" + first);
		assertThat(before.body()).contains(son).contains("\"leftOn\":");
		assertProblem(clerk.json("POST", "/api/v1/households/" + second + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"CHILD\"}".formatted(son)), 422, "people.already-a-member");
	}

	@Test
	void allowsOneHeadPerHousehold() {
		String head = register("户主", "19700101", 1);
		String spouse = register("配偶", "19720101", 2);
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(head)));

		assertProblem(clerk.json("POST", "/api/v1/households/" + household + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"HEAD\"}".formatted(spouse)), 422,
				"people.household-has-head");
	}

	@Test
	void recordsStandingsWithTheirSourceAndRefusesWhatDoesNotFit() {
		String head = register("低保户主", "19550505", 1);
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(head)));

		Page granted = clerk.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "2026年11月低保名册",
				 "validFrom": "2026-01-01"}""".formatted(household));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(clerk.get("/api/v1/persons/" + head + "/standings").body()).contains("MINIMUM_LIVING_ALLOWANCE")
			.contains("2026年11月低保名册");
		Page found = clerk.json("POST", "/api/v1/persons/searches",
				"{\"category\": \"MINIMUM_LIVING_ALLOWANCE\", \"page\": 0, \"size\": 100}");
		assertThat(found.body()).contains(head);

		assertProblem(clerk.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "重复", "validFrom": "2026-06-01"}"""
			.formatted(household)), 409, "people.standing-overlaps");
		assertProblem(clerk.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "personId": "%s", "source": "按人", "validFrom": "2026-01-01"}"""
			.formatted(head)), 422, "people.category-held-by-household");
		assertProblem(clerk.json("POST", "/api/v1/standings", """
				{"category": "DISABILITY", "personId": "%s", "source": "残疾证", "validFrom": "2026-01-01"}"""
			.formatted(head)), 400, "people.grade-required");
		assertProblem(clerk.json("POST", "/api/v1/standings", """
				{"category": "NO_SUCH", "personId": "%s", "source": "x", "validFrom": "2026-01-01"}""".formatted(head)),
				400, "people.unknown-category");
		assertThat(clerk.json("POST", "/api/v1/standings", """
				{"category": "DISABILITY", "personId": "%s", "grade": 2, "source": "残疾证", "validFrom": "2026-01-01"}"""
			.formatted(head)).status()).isEqualTo(201);
	}

	@Test
	void letsACountyAdministratorExtendTheCategoryListButNotAClerk() {
		var admin = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		Visitor county = new Visitor(port);
		county.signIn(admin.username(), StaffFixtures.PASSWORD);
		county.get("/");
		String code = "LOCAL_WINTER_AID_" + System.nanoTime() % 100000;
		String category = """
				{"code": "%s", "chineseName": "冬春生活救助", "englishName": "Winter and spring aid", "subject": "HOUSEHOLD",
				 "graded": false}""".formatted(code);

		assertProblem(clerk.json("POST", "/api/v1/categories", category), 403, "people.category-list-county-only");
		assertThat(county.json("POST", "/api/v1/categories", category).status()).isEqualTo(201);
		assertThat(clerk.get("/api/v1/categories").body()).contains(code);
		assertProblem(county.json("POST", "/api/v1/categories", category), 409, "people.category-exists");
		assertThat(county.json("POST", "/api/v1/categories/" + code + "/deactivation", "").status()).isEqualTo(204);
		assertThat(clerk.get("/api/v1/categories").body()).doesNotContain(code);
	}

	private String register(String name, String birth, int sexDigit) {
		return idOf(clerk.json("POST", "/api/v1/persons",
				person(name, newIdNumber(birth, sexDigit), null, PeopleTests.VILLAGE)));
	}

}
