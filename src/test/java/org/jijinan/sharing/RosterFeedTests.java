package org.jijinan.sharing;

import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * A department's system follows the 低保 roster: nothing without an agreement, then a full extract and the changes
 * after its cursor, each once, only in the agreed categories and with only the agreed fields.
 */
@SystemTest
class RosterFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor admin;

	Visitor clerk;

	Visitor township;

	String unit;

	String token;

	@BeforeEach
	void partner() {
		var staff = StaffFixtures.from(context);
		admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		unit = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		token = PartnerFixtures.register(port, admin, "教育局资助系统", unit, "roster-feed:read").token();
	}

	@Test
	void followsTheAgreedRosterOnceWithTheAgreedFields() {
		assertProblem(read(""), 403, "sharing.no-agreement");
		assertProblem(admin.json("PUT", "/api/v1/sharing-agreements/" + unit,
				"{\"categories\": [\"MINIMUM_LIVING_ALLOWANCE\"], \"fields\": [\"NAME\", \"BANK\"]}"), 400,
				"sharing.fields-invalid");
		assertProblem(township.json("PUT", "/api/v1/sharing-agreements/" + unit,
				"{\"categories\": [\"MINIMUM_LIVING_ALLOWANCE\"], \"fields\": [\"NAME\"]}"), 403, "sharing.not-allowed");
		assertThat(admin.json("PUT", "/api/v1/sharing-agreements/" + unit,
				"{\"categories\": [\"MINIMUM_LIVING_ALLOWANCE\"], \"fields\": [\"NAME\"]}").status()).isEqualTo(200);
		String[] first = household("旦增", "MINIMUM_LIVING_ALLOWANCE");

		Page extract = read("");
		assertThat(extract.status()).as(extract.body()).isEqualTo(200);
		assertThat(extract.body()).contains("\"householdId\":\"" + first[1] + "\"").contains("旦增")
			.doesNotContain(first[0]).doesNotContain("\"idNumber\"");
		String cursor = cursorOf(extract);

		String[] second = household("次仁", "MINIMUM_LIVING_ALLOWANCE");
		String[] other = household("格桑", "EXTREME_POVERTY_SUPPORT");
		Page changes = read(cursor);
		assertThat(changes.body()).contains(second[1]).contains("次仁").doesNotContain("\"householdId\":\"" + first[1])
			.doesNotContain("格桑").doesNotContain(second[0]);
		Page again = read(cursorOf(changes));
		assertThat(again.body()).doesNotContain(second[1]).contains("\"entries\":[]");
		assertThat(other[1]).isNotBlank();

		assertProblem(read("bm90LWEtY3Vyc29y"), 400, "people.cursor-malformed");
		String fromTheFuture = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("999999999999|1|".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertProblem(read(fromTheFuture), 422, "people.cursor-from-the-future");
		assertProblem(township.get("/api/v1/roster-feed"), 403, "sharing.not-allowed");
	}

	private Page read(String cursor) {
		return new PartnerFixtures.Partner(port, "", token)
			.get("/api/v1/roster-feed" + (cursor.isEmpty() ? "" : "?cursor=" + cursor));
	}

	private static String cursorOf(Page page) {
		return page.body().replaceAll("(?s).*\"cursor\":\"([^\"]+)\".*", "$1");
	}

	/** A household headed by a new person, holding a category: its head's ID number and the household's id. */
	private String[] household(String name, String category) {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String idNumber = body + ResidentIdNumber.checkCharacter(body);
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"%s\", \"idNumber\": \"%s\", \"residence\": \"632521101201\"}".formatted(name, idNumber)));
		String household = CaseFixtures.idOf(
				clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		String subject = category.equals("MINIMUM_LIVING_ALLOWANCE") ? "\"householdId\": \"" + household + "\""
				: "\"personId\": \"" + person + "\"";
		Page standing = township.json("POST", "/api/v1/standings", """
				{"category": "%s", %s, "source": "共民〔2026〕9号", "validFrom": "2026-01-01"}""".formatted(category, subject));
		assertThat(standing.status()).as(standing.body()).isEqualTo(201);
		return new String[] { idNumber, household };
	}

}
