package org.jijinan.relief;

import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Aid given to someone registered provisionally (a name and a phone, no ID number yet) follows them when their ID
 * number shows they were registered already: the case, its open proposal and what they received move to the
 * registered person and household, where the duplicate check of the household's other cases sees them.
 */
@SystemTest
class ProvisionalIdentityTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521204");

	static final String VILLAGE = "632521204901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aidGivenBeforeTheIdNumberWasKnownJoinsTheRegisteredHouseholdsChain() {
		TestVillages.ensure(context, VILLAGE, "廿地一村");
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor handler = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor colleague = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor approver = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		assertThat(county.json("POST", "/api/v1/reserve-funds/" + TOWNSHIP.value() + "/top-ups",
				"{\"amount\": 3000, \"reference\": \"TD-" + System.nanoTime() + "\", \"note\": \"县民政局拨付备用金\"}")
			.status()).isEqualTo(200);

		// 扎西 is registered with his household; his wife's case is open at the township about something else.
		String idNumber = TestIdNumbers.fresh();
		String husband = idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "扎西", "idNumber": "%s", "residence": "%s"}""".formatted(idNumber, VILLAGE)));
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(husband)));
		String wife = idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "卓玛", "idNumber": "%s", "residence": "%s"}""".formatted(TestIdNumbers.fresh(), VILLAGE)));
		clerk.json("POST", "/api/v1/households/" + household + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"SPOUSE\"}".formatted(wife));
		String wifesCase = CaseFixtures.acceptedCase(clerk, handler, """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "personId": "%s", "village": "%s", "description": "妻子住院，医药费负担重", "causes": ["MEDICAL_SPENDING"]}"""
			.formatted(phone(), wife, VILLAGE));

		// A passer-by reports a fire; the man cannot show his ID card, so he is registered provisionally and aided.
		String fireCase = CaseFixtures.acceptedCase(clerk, handler, """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "NEIGHBOUR", "reporterPhone": "%s",
				 "subjectName": "扎西", "village": "%s", "description": "夜里房屋起火，人已疏散", "causes": ["FIRE"]}"""
			.formatted(phone(), VILLAGE));
		String provisional = idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "扎西", "phone": "%s", "residence": "%s"}""".formatted(phone(), VILLAGE)));
		assertThat(handler.json("POST", "/api/v1/cases/" + fireCase + "/person",
				"{\"personId\": \"" + provisional + "\"}").status()).isEqualTo(200);
		Page granted = handler.json("POST", "/api/v1/cases/" + fireCase + "/emergency-aid", """
				{"cause": "FIRE", "amount": 1500, "goods": "棉被 2 床", "situation": "房屋烧毁，生活无着"}""");
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		String grant = idOf(granted);
		handler.json("POST", "/api/v1/cases/" + fireCase + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		Page proposed = handler.json("POST", "/api/v1/cases/" + fireCase + "/decisions",
				ReliefStaff.proposal("800", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = idOf(proposed);
		assertThat(handler.get("/api/v1/cases/" + wifesCase + "/assistance-chain").body())
			.as("before the ID number is known, the household's chain cannot see the fire's aid")
			.doesNotContain(grant);

		// Days later he brings his ID card: the provisional record was 扎西 all along.
		Page identified = clerk.json("POST", "/api/v1/persons/" + provisional + "/identification",
				"{\"idNumber\": \"%s\"}".formatted(idNumber));
		assertThat(identified.status()).as(identified.body()).isEqualTo(200);
		assertThat(idOf(identified)).isEqualTo(husband);

		assertThat(handler.get("/api/v1/cases/" + fireCase).body()).as("the fire's case is about 扎西 now")
			.contains("\"personId\":\"" + husband + "\"")
			.contains("\"householdId\":\"" + household + "\"");
		assertThat(handler.get("/api/v1/cases/" + wifesCase + "/assistance-chain").body())
			.as("the household's chain holds the fire's emergency aid")
			.contains(grant);

		// The proposal made before he was identified is approved afterwards: its aid lands in his household's chain.
		assertThat(colleague.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		Page approved = approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(handler.get("/api/v1/cases/" + wifesCase + "/assistance-chain").body())
			.as("the household's chain holds the temporary assistance approved after identification")
			.contains("\"sourceRef\":\"" + decision + "\"");
	}

	private static String phone() {
		return "1389730" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
