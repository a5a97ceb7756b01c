package org.jijinan.intake;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * The window registers the person: a request taken with an ID number is about whoever holds it, or about a person
 * registered with it on receipt, so that the hospital, the decision and the duplicate check find them the next day.
 */
@SystemTest
class WindowRegistrationTests {

	static final String VILLAGE = "632521101201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersOrLinksThePersonAnIdNumberNames() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String idNumber = TestIdNumbers.fresh();

		Page first = clerk.json("POST", "/api/v1/help-requests", request(idNumber, "德吉", VILLAGE));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String person = first.body().replaceAll("(?s).*\"personId\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(person).as("the request is about a registered person: " + first.body()).hasSize(36);
		assertThat(clerk.get("/api/v1/persons/" + person).body()).as("registered with the name and ID number given")
			.contains("\"name\":\"德吉\"")
			.contains("\"provisional\":false")
			.doesNotContain(idNumber);

		Page again = clerk.json("POST", "/api/v1/help-requests", request(idNumber, "德吉", VILLAGE));
		assertThat(again.body()).as("the next request with the number is about the same person, not a second one")
			.contains("\"personId\":\"" + person + "\"");
		assertThat(holders(idNumber)).isEqualTo(1);

		// A department's system may not register people; the number it sends is not used, so its answer is the same
		// whether the registry knows the number or not, and tells nobody who is registered.
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		var education = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		var system = PartnerFixtures.register(port, admin, "学籍系统" + System.nanoTime(),
				education.unitId().value().toString(), "help-requests:write");
		Page known = system.json("POST", "/api/v1/help-requests", request(idNumber, "德吉", VILLAGE));
		assertThat(known.status()).as(known.body()).isEqualTo(201);
		assertThat(known.body()).as("kept by name only").doesNotContain("\"personId\"").contains("\"subjectName\":\"德吉\"");
		String stranger = TestIdNumbers.fresh();
		Page unknown = system.json("POST", "/api/v1/help-requests", request(stranger, "扎西", VILLAGE));
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(201);
		assertThat(unknown.body()).as("kept by name only").doesNotContain("\"personId\"").contains("\"subjectName\":\"扎西\"");
		assertThat(holders(stranger)).isZero();

		// A wrong number is refused and nothing is stored.
		long requestsBefore = jdbc.sql("select count(*) from intake_help_request").query(Long.class).single();
		long personsBefore = jdbc.sql("select count(*) from people_person").query(Long.class).single();
		Page malformed = clerk.json("POST", "/api/v1/help-requests", request("632521199001011230", "某", VILLAGE));
		assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from intake_help_request").query(Long.class).single())
			.isEqualTo(requestsBefore);
		assertThat(jdbc.sql("select count(*) from people_person").query(Long.class).single()).isEqualTo(personsBefore);
		assertProblem(clerk.json("POST", "/api/v1/help-requests", request(TestIdNumbers.fresh(), "", VILLAGE)), 400,
				"intake.subject-required");
	}

	/** The window's form: the ID number typed in the look-up field registers the person the request is about. */
	@Test
	void registersThePersonFromTheWindowsForm() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String idNumber = TestIdNumbers.fresh();
		clerk.get("/intake/new?channel=WINDOW");
		Page received = clerk.post("/intake/requests", Map.of("channel", "WINDOW", "urgency", "EMERGENCY",
				"reporterRelation", "SELF", "reporterPhone", phone(), "idNumber", idNumber, "subjectName", "央金",
				"village", VILLAGE, "description", "家中失火", "causes", "FIRE"));
		assertThat(received.status()).as("on to the request's page: " + received.body()).isEqualTo(302);
		assertThat(holders(idNumber)).as("registered on receipt").isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from intake_help_request r join people_person p on p.id = r.person_id
				 where p.name = '央金' and r.received_at > now() - interval '1 minute'""")
			.query(Long.class)
			.single()).as("and the request is about them").isEqualTo(1);
	}

	/** @return how many registered persons hold the number, as the county's search finds them */
	private long holders(String idNumber) {
		Visitor county = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		Page found = county.json("POST", "/api/v1/persons/searches",
				"{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}".formatted(idNumber));
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		return Long.parseLong(found.body().replaceAll("(?s).*\"total\":([0-9]+).*", "$1"));
	}

	private static String request(String idNumber, String name, String village) {
		return """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "subjectIdNumber": "%s", "subjectName": "%s", "village": "%s",
				 "description": "丈夫车祸住院，家中无人照料", "causes": ["TRAFFIC_ACCIDENT"]}"""
			.formatted(phone(), idNumber, name, village);
	}

	private static String phone() {
		return "1389740" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
