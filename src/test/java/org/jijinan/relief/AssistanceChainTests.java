package org.jijinan.relief;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;
import static org.jijinan.relief.ReliefStaff.proposal;

/**
 * The household's assistance chain and the duplicate-assistance check before approval: one grant per cause per
 * year unless decided case by case at the county, and schemes that exclude each other.
 */
@SystemTest
class AssistanceChainTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ReliefStaff staff;

	String lastIdNumber;

	@BeforeEach
	void signIn() {
		staff = new ReliefStaff(port, context);
	}

	@Test
	void stopsASecondGrantForTheSameCauseInOneYearUnlessTheCountyDecidesCaseByCase() {
		String person = registeredHead();
		String first = caseAbout(person);
		approveTownship(idOf(staff.handler.json("POST", "/api/v1/cases/" + first + "/decisions", proposal("2000", ""))));
		close(first);

		String second = caseAbout(person);
		Page chain = staff.handler.get("/api/v1/cases/" + second + "/assistance-chain");
		assertThat(chain.body()).contains("\"scheme\":\"TEMPORARY\"").contains("\"caseNumber\":\"" + first + "\"")
			.contains("\"totals\":{\"TEMPORARY\":2000.00}");
		String repeat = idOf(staff.handler.json("POST", "/api/v1/cases/" + second + "/decisions", proposal("1500", "")));
		assertThat(staff.reviewer.get("/api/v1/decisions/" + repeat + "/duplicate-check").body())
			.contains("\"kind\":\"SAME_CAUSE_THIS_YEAR\"");
		staff.reviewer.json("POST", "/api/v1/decisions/" + repeat + "/review", "");

		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + repeat + "/approval", ""), 422,
				"relief.duplicate-assistance");
		assertThat(staff.handler.get("/api/v1/decisions/" + repeat).body()).contains("\"status\":\"REVIEWED\"");

		assertThat(staff.handler.json("POST", "/api/v1/decisions/" + repeat + "/withdrawal", "").body())
			.contains("\"status\":\"WITHDRAWN\"");
		String caseByCase = idOf(staff.handler.json("POST", "/api/v1/cases/" + second + "/decisions",
				proposal("1500", ", \"overrideReason\": \"二次失火，经县级复核确属新的困难\"")));
		staff.countyReviewer.json("POST", "/api/v1/decisions/" + caseByCase + "/review", "");
		assertThat(staff.countyApprover.json("POST", "/api/v1/decisions/" + caseByCase + "/approval", "").body())
			.contains("\"status\":\"APPROVED\"");
		assertThat(staff.handler.get("/api/v1/cases/" + second + "/assistance-chain").body())
			.contains("\"totals\":{\"TEMPORARY\":3500.00}");
	}

	@Test
	void stopsSchemesThatExcludeEachOther() {
		String person = registeredHead();
		String number = caseAbout(person);
		var fixtures = StaffFixtures.from(context);
		Visitor admin = StaffFixtures.signedIn(port,
				fixtures.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		String emergencyManagement = fixtures
			.active(StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		Partner department = PartnerFixtures.register(port, admin, "应急管理局救灾系统", emergencyManagement,
				"assistance-records:write");
		// the emergency-management department reports the disaster-relief grant it gave for the same fire
		Page reported = department.json("POST", "/api/v1/department-assistance", """
				{"reference": "ZH-%s", "idNumber": "%s", "scheme": "DISASTER_RELIEF", "cause": "FIRE", "amount": 3000,
				 "givenOn": "%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8), lastIdNumber,
				LocalDate.now(ZoneId.of("Asia/Shanghai"))));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		assertThat(staff.handler.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.contains("\"scheme\":\"DISASTER_RELIEF\"")
			.contains("\"DISASTER_RELIEF\":3000.00");

		String id = idOf(staff.handler.json("POST", "/api/v1/cases/" + number + "/decisions", proposal("1000", "")));
		staff.reviewer.json("POST", "/api/v1/decisions/" + id + "/review", "");

		assertProblem(staff.townshipApprover.json("POST", "/api/v1/decisions/" + id + "/approval", ""), 422,
				"relief.duplicate-assistance");
		assertThat(staff.reviewer.get("/api/v1/decisions/" + id + "/duplicate-check").body())
			.contains("EXCLUSIVE_SCHEMES").contains("DISASTER_RELIEF");
	}

	private void approveTownship(String decision) {
		assertThat(staff.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		Page approved = staff.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
	}

	private void close(String number) {
		Page closed = staff.handler.json("POST", "/api/v1/cases/" + number + "/transitions",
				"{\"to\": \"CLOSED\", \"note\": \"救助金已发放，困难已缓解\"}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
	}

	private String caseAbout(String personId) {
		String body = """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "SELF", "reporterPhone": "13909741235",
				 "personId": "%s", "village": "632521101201", "description": "家中失火，急需帮助", "causes": ["FIRE"]}"""
			.formatted(personId);
		return staff.investigatedCase(body);
	}

	private String registeredHead() {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
		String body = "632523" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String idNumber = body + ResidentIdNumber.checkCharacter(body);
		lastIdNumber = idNumber;
		String person = CaseFixtures.idOf(staff.clerk.json("POST", "/api/v1/persons", """
				{"name": "多杰", "idNumber": "%s", "residence": "632521101201"}""".formatted(idNumber)));
		CaseFixtures.idOf(staff.clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		return person;
	}


}
