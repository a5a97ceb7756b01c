package org.jijinan.people;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry through the API as staff use it: registration, provisional persons, scope, masking and audited
 * reveals. Every response is scanned for the full numbers of the persons involved.
 */
@SystemTest
class PeopleTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger(100);

	static final String VILLAGE = "632521100201";

	static final String OTHER_TOWNSHIP_VILLAGE = "632521101201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Visitor clerk;

	Visitor leader;

	Visitor otherClerk;

	@BeforeEach
	void signIn() {
		StaffFixtures staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port, staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		otherClerk = StaffFixtures.signedIn(port, staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		leader = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
	}

	@Test
	void registersAPersonAndShowsTheNumbersMaskedEverywhere() {
		String number = newIdNumber("19850312", 3);
		String phone = "1390974" + String.format("%04d", SEQUENCE.incrementAndGet());

		Page registered = clerk.json("POST", "/api/v1/persons", person("才让", number, phone, VILLAGE));

		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.body()).contains("\"sex\":\"MALE\"").contains("\"birthDate\":\"1985-03-12\"")
			.contains(ResidentIdNumber.parse(number).masked());
		String id = idOf(registered);
		assertNoFullNumbers(number, phone, registered, clerk.get("/api/v1/persons/" + id),
				clerk.json("POST", "/api/v1/persons/searches", "{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}"
					.formatted(number)),
				leader.get("/api/v1/persons/" + id));
		assertThat(jdbc.sql("select count(*) from people_person where id_number_sealed like :n or phone_sealed like :p")
			.param("n", "%" + number + "%")
			.param("p", "%" + phone + "%")
			.query(Long.class)
			.single()).as("nothing in clear in the table").isZero();
	}

	@Test
	void refusesABirthDateInTheFutureOrBeforeAnyoneLivingWithoutAnIdNumber() {
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		String phone = "1390975" + String.format("%04d", SEQUENCE.incrementAndGet());
		String body = """
				{"name": "未来人", "phone": "%s", "residence": "%s", "birthDate": "%s"}""";
		long before = jdbc.sql("select count(*) from people_person where name = '未来人'").query(Long.class).single();

		assertProblem(clerk.json("POST", "/api/v1/persons", body.formatted(phone, VILLAGE, today.plusDays(1))), 422,
				"people.born-in-future");
		assertProblem(clerk.json("POST", "/api/v1/persons", body.formatted(phone, VILLAGE, "2027-01-15")), 422,
				"people.born-in-future");
		assertProblem(clerk.json("POST", "/api/v1/persons", body.formatted(phone, VILLAGE, "1850-06-01")), 422,
				"people.born-too-early");
		assertThat(jdbc.sql("select count(*) from people_person where name = '未来人'").query(Long.class).single())
			.as("nothing stored").isEqualTo(before);
		assertThat(clerk.json("POST", "/api/v1/persons", body.formatted(phone, VILLAGE, today)).status()).isEqualTo(201);
	}

	@Test
	void findsAPersonByExactIdNumberByPartOfTheNameAndByVillage() {
		String number = newIdNumber("19720605", 4);
		String id = idOf(clerk.json("POST", "/api/v1/persons", person("卓玛措" + SEQUENCE.get(), number, null, VILLAGE)));

		Page byNumber = clerk.json("POST", "/api/v1/persons/searches",
				"{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}".formatted(number.toLowerCase()));
		Page byName = clerk.json("POST", "/api/v1/persons/searches",
				"{\"name\": \"玛措%d\", \"page\": 0, \"size\": 10}".formatted(SEQUENCE.get()));
		Page byVillage = clerk.json("POST", "/api/v1/persons/searches",
				"{\"village\": \"%s\", \"page\": 0, \"size\": 100}".formatted(VILLAGE));
		Page elsewhere = otherClerk.json("POST", "/api/v1/persons/searches",
				"{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}".formatted(number));

		assertThat(byNumber.body()).contains(id).contains("\"total\":1");
		assertThat(byName.body()).contains(id);
		assertThat(byVillage.body()).contains(id);
		assertThat(elsewhere.body()).as("another township's search finds nothing").contains("\"total\":0");
	}

	@Test
	void refusesAnotherTownshipThePersonAndTheirVillage() {
		String id = idOf(clerk.json("POST", "/api/v1/persons", person("扎西", newIdNumber("19900101", 5), null, VILLAGE)));

		assertProblem(otherClerk.get("/api/v1/persons/" + id), 403, "people.out-of-scope");
		assertProblem(otherClerk.json("POST", "/api/v1/persons", person("扎西", newIdNumber("19900101", 7), null,
				VILLAGE)), 403, "people.out-of-scope");
		assertProblem(otherClerk.json("POST", "/api/v1/persons/searches",
				"{\"village\": \"%s\", \"page\": 0, \"size\": 10}".formatted(VILLAGE)), 403, "people.out-of-scope");
	}

	@Test
	void refusesBadIdentityDataWithTheReason() {
		String good = newIdNumber("19800229", 9);
		String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');

		assertProblem(clerk.json("POST", "/api/v1/persons", person("某", wrongCheck, null, VILLAGE)), 400,
				"shared.id-number-check-digit");
		assertProblem(clerk.json("POST", "/api/v1/persons", person("某", "63252120150231001X", null, VILLAGE)), 400,
				"shared.id-number-check-digit");
		String impossible = "632521201502310" + "01";
		assertProblem(clerk.json("POST", "/api/v1/persons",
				person("某", impossible + ResidentIdNumber.checkCharacter(impossible), null, VILLAGE)), 400,
				"shared.id-number-birth-date");
		assertProblem(clerk.json("POST", "/api/v1/persons", person("某", good, null, "632599999999")), 400,
				"people.unknown-village");
		assertProblem(clerk.json("POST", "/api/v1/persons", person("某", good, null, "632521100")), 400,
				"people.residence-not-village");
		assertProblem(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"某\", \"idNumber\": \"%s\", \"sex\": \"FEMALE\", \"residence\": \"%s\"}".formatted(good,
						VILLAGE)), 422, "people.sex-disagrees");
		assertProblem(clerk.json("POST", "/api/v1/persons", person("某", null, null, VILLAGE)), 400,
				"people.provisional-needs-phone");
		idOf(clerk.json("POST", "/api/v1/persons", person("某", good, null, VILLAGE)));
		assertProblem(clerk.json("POST", "/api/v1/persons", person("另一人", good, null, VILLAGE)), 409,
				"people.id-number-registered");
	}

	@Test
	void linksAProvisionalPersonToTheRegisteredRecordWithoutLosingIt() {
		String number = newIdNumber("19600808", 6);
		String registered = idOf(clerk.json("POST", "/api/v1/persons", person("多杰", number, null, VILLAGE)));
		String phone = "1370974" + String.format("%04d", SEQUENCE.incrementAndGet());
		Page provisional = clerk.json("POST", "/api/v1/persons", person("多杰", null, phone, VILLAGE));
		assertThat(provisional.body()).contains("\"provisional\":true");

		Page identified = clerk.json("POST", "/api/v1/persons/" + idOf(provisional) + "/identification",
				"{\"idNumber\": \"%s\"}".formatted(number));

		assertThat(identified.status()).isEqualTo(200);
		assertThat(idOf(identified)).isEqualTo(registered);
		assertThat(clerk.get("/api/v1/persons/" + idOf(provisional)).body())
			.contains("\"supersededBy\":\"" + registered + "\"");
	}

	@Test
	void identifiesAProvisionalPersonWhoseNumberIsNew() {
		String phone = "1360974" + String.format("%04d", SEQUENCE.incrementAndGet());
		String provisional = idOf(clerk.json("POST", "/api/v1/persons", person("拉毛", null, phone, VILLAGE)));
		String number = newIdNumber("19951120", 8);

		Page identified = clerk.json("POST", "/api/v1/persons/" + provisional + "/identification",
				"{\"idNumber\": \"%s\"}".formatted(number));

		assertThat(idOf(identified)).isEqualTo(provisional);
		assertThat(identified.body()).contains("\"provisional\":false").contains("\"sex\":\"FEMALE\"");
	}

	@Test
	void revealsAFullNumberOnlyToARoleThatMayWithAnAuditedPurpose() {
		String number = newIdNumber("19770707", 1);
		String id = idOf(clerk.json("POST", "/api/v1/persons", person("索南", number, null, VILLAGE)));

		assertProblem(clerk.json("POST", "/api/v1/persons/" + id + "/reveals", "{\"field\": \"ID_NUMBER\", \"purpose\": \"\"}"),
				400, "request.invalid-field");
		assertProblem(leader.json("POST", "/api/v1/persons/" + id + "/reveals",
				"{\"field\": \"ID_NUMBER\", \"purpose\": \"核对医院结算\"}"), 403, "people.reveal-not-allowed");
		Page revealed = clerk.json("POST", "/api/v1/persons/" + id + "/reveals",
				"{\"field\": \"ID_NUMBER\", \"purpose\": \"窗口核对身份证原件\"}");

		assertThat(revealed.body()).contains(number);
		assertThat(jdbc.sql("select details from audit_record where action = 'people.personal-data-revealed' "
				+ "and subject_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).singleElement().asString().contains("窗口核对身份证原件").contains("ID_NUMBER").doesNotContain(number);
	}


	static String newIdNumber(String birth, int sexDigit) {
		String body = "632521" + birth + String.format("%02d", SEQUENCE.incrementAndGet() % 100) + sexDigit;
		return body + ResidentIdNumber.checkCharacter(body);
	}

	static String person(String name, String idNumber, String phone, String village) {
		return "{\"name\": \"%s\", \"idNumber\": %s, \"phone\": %s, \"residence\": \"%s\"}".formatted(name,
				idNumber == null ? "null" : "\"" + idNumber + "\"", phone == null ? "null" : "\"" + phone + "\"",
				village);
	}

	static String idOf(Page page) {
		assertThat(page.status()).as(page.body()).isIn(200, 201);
		return page.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

	static void assertNoFullNumbers(String number, String phone, Page... pages) {
		for (Page page : pages) {
			assertThat(page.body()).doesNotContain(number).doesNotContain(phone)
				.doesNotContain(number.substring(6, 14));
		}
	}

	static void assertProblem(Page answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
	}

}
