package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes the OpenAPI document lists are the codes the platform answers: real requests along the main path (a help
 * request to a paid decision), and a 403, 404 and 422 of each kind, each answer checked against its operation's
 * documented responses.
 */
@SystemTest
class DocumentedAnswersTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final Map<String, TreeSet<Integer>> answered = new TreeMap<>();

	private final List<String> undocumented = new ArrayList<>();

	private JsonNode document;

	@Test
	void answersOnlyWhatTheDocumentLists() {
		document = JsonMapper.builder().build().readTree(new Visitor(port).get("/v3/api-docs").body());
		ReliefStaff staff = new ReliefStaff(port, context);
		Visitor outsider = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));

		String body = IntakeTests.request("EMERGENCY", "1390974" + String.format("%04d", (int) (Math.random() * 10_000)),
				"FIRE");
		String key = UUID.randomUUID().toString();
		Page received = check("POST", "/api/v1/help-requests", staff.clerk.send(HttpRequest
			.newBuilder(staff.clerk.uri("/api/v1/help-requests"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", staff.clerk.csrf())
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		check("POST", "/api/v1/help-requests", staff.clerk.send(HttpRequest
			.newBuilder(staff.clerk.uri("/api/v1/help-requests"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", staff.clerk.csrf())
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body.replace("FIRE", "DISEASE")))));
		String request = IntakeTests.numberOf(received);
		if (received.body().contains("\"possibleDuplicateOf\"")) {
			check("POST", "/api/v1/help-requests/{number}/distinction", staff.handler.json("POST",
					"/api/v1/help-requests/" + request + "/distinction", "{\"reason\": \"核实为另一户的另一件事\"}"));
		}
		check("POST", "/api/v1/help-requests/{number}/acceptance",
				outsider.json("POST", "/api/v1/help-requests/" + request + "/acceptance", ""));
		check("POST", "/api/v1/help-requests/{number}/acceptance",
				staff.handler.json("POST", "/api/v1/help-requests/" + request + "/acceptance", ""));
		check("POST", "/api/v1/help-requests/{number}/acceptance",
				staff.handler.json("POST", "/api/v1/help-requests/JJ-2020-999999/acceptance", ""));
		String number = CaseFixtures.caseOf(staff.handler, request);

		check("GET", "/api/v1/cases/{number}", staff.handler.get("/api/v1/cases/" + number));
		check("GET", "/api/v1/cases/{number}", outsider.get("/api/v1/cases/" + number));
		check("GET", "/api/v1/cases/{number}", staff.handler.get("/api/v1/cases/JJC-2020-999999"));
		check("GET", "/api/v1/cases/{number}", staff.handler.get("/api/v1/cases/not-a-number"));
		check("POST", "/api/v1/cases/{number}/transitions", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/transitions", "{\"to\": \"DECIDED\"}"));
		check("POST", "/api/v1/cases/{number}/transitions", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/transitions", "{\"to\": \"NOWHERE\"}"));

		check("POST", "/api/v1/persons", staff.handler.json("POST", "/api/v1/persons",
				"{\"name\": \"才让\", \"birthDate\": \"2015-02-31\", \"residence\": \"632521101201\"}"));
		Page person = check("POST", "/api/v1/persons", staff.handler.json("POST", "/api/v1/persons",
				"{\"name\": \"才让\", \"phone\": \"1370975" + String.format("%04d", (int) (Math.random() * 10_000))
						+ "\", \"residence\": \"632521101201\"}"));
		String personId = CaseFixtures.idOf(person);
		check("GET", "/api/v1/persons/{id}", staff.handler.get("/api/v1/persons/" + personId));
		check("GET", "/api/v1/persons/{id}", staff.handler.get("/api/v1/persons/" + UUID.randomUUID()));
		check("GET", "/api/v1/persons/{id}", outsider.get("/api/v1/persons/" + personId));
		check("POST", "/api/v1/persons/searches",
				staff.handler.json("POST", "/api/v1/persons/searches", "{\"name\": \"才让\", \"page\": 0, \"size\": 10}"));
		check("POST", "/api/v1/persons/searches",
				staff.handler.json("POST", "/api/v1/persons/searches", "{\"name\": \"才让\", \"size\": 0}"));
		check("POST", "/api/v1/cases/{number}/person", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/person", "{\"personId\": \"" + personId + "\"}"));
		check("POST", "/api/v1/cases/{number}/transitions", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}"));

		check("POST", "/api/v1/reserve-funds/{township}/top-ups", staff.countyApprover.json("POST",
				"/api/v1/reserve-funds/632521101/top-ups",
				"{\"amount\": 5000, \"reference\": \"BK-" + UUID.randomUUID().toString().substring(0, 8)
						+ "\", \"note\": \"拨付\"}"));
		String aid = "{\"cause\": \"FIRE\", \"amount\": 500, \"goods\": \"棉被\", \"situation\": \"房屋失火\"}";
		check("POST", "/api/v1/cases/{number}/emergency-aid",
				staff.clerk.json("POST", "/api/v1/cases/" + number + "/emergency-aid", aid));
		check("POST", "/api/v1/cases/{number}/emergency-aid",
				staff.handler.json("POST", "/api/v1/cases/" + number + "/emergency-aid", aid));
		check("POST", "/api/v1/cases/{number}/emergency-aid",
				staff.handler.json("POST", "/api/v1/cases/" + number + "/emergency-aid", aid));

		Page proposed = check("POST", "/api/v1/cases/{number}/decisions", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/decisions", ReliefStaff.proposal("1000", "")));
		check("POST", "/api/v1/cases/{number}/decisions", staff.handler.json("POST",
				"/api/v1/cases/" + number + "/decisions", ReliefStaff.proposal("1000", "")));
		String decision = CaseFixtures.idOf(proposed);
		check("POST", "/api/v1/decisions/{id}/approval",
				staff.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", ""));
		check("POST", "/api/v1/decisions/{id}/review",
				staff.handler.json("POST", "/api/v1/decisions/" + decision + "/review", ""));
		check("POST", "/api/v1/decisions/{id}/review",
				staff.reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", ""));
		check("POST", "/api/v1/decisions/{id}/review",
				staff.reviewer.json("POST", "/api/v1/decisions/" + UUID.randomUUID() + "/review", ""));
		check("POST", "/api/v1/decisions/{id}/approval",
				staff.clerk.json("POST", "/api/v1/decisions/" + decision + "/approval", ""));
		check("POST", "/api/v1/decisions/{id}/approval",
				staff.townshipApprover.json("POST", "/api/v1/decisions/" + decision + "/approval", ""));
		check("GET", "/api/v1/decisions/{id}", staff.handler.get("/api/v1/decisions/" + decision));

		check("POST", "/api/v1/payment-batches", staff.clerk.json("POST", "/api/v1/payment-batches", ""));
		check("POST", "/api/v1/payment-batches", staff.townshipApprover.json("POST", "/api/v1/payment-batches", ""));
		check("POST", "/api/v1/payment-batches", staff.townshipApprover.json("POST", "/api/v1/payment-batches", ""));
		check("GET", "/api/v1/hardship-causes", staff.clerk.get("/api/v1/hardship-causes"));

		System.out.println("DOCUMENTED ANSWERS " + answered);
		assertThat(undocumented).as("answers the document does not list").isEmpty();
		assertThat(answered.values().stream().flatMap(TreeSet::stream).distinct())
			.as("statuses exercised").contains(200, 201, 400, 403, 404, 409, 422);
	}

	/**
	 * An impossible date is named: the answer says which field, not only that the body is not valid JSON.
	 */
	@Test
	void namesTheFieldOfAnImpossibleDate() {
		ReliefStaff staff = new ReliefStaff(port, context);
		Page answer = staff.handler.json("POST", "/api/v1/persons",
				"{\"name\": \"才让\", \"birthDate\": \"2015-02-31\", \"residence\": \"632521101201\"}");
		CaseFixtures.assertProblem(answer, 400, "request.invalid-field-value");
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"field\":\"birthDate\"").contains("birthDate");
		Page nested = staff.handler.json("POST", "/api/v1/cases/JJC-2020-000001/visits",
				"{\"visitedOn\": \"2026-13-01\", \"findings\": \"x\"}");
		CaseFixtures.assertProblem(nested, 400, "request.invalid-field-value");
		assertThat(nested.body()).contains("\"field\":\"visitedOn\"");
	}

	private Page check(String method, String template, Page answer) {
		answered.computeIfAbsent(method + " " + template, any -> new TreeSet<>()).add(answer.status());
		JsonNode responses = document.path("paths").path(template).path(method.toLowerCase()).path("responses");
		assertThat(responses.isMissingNode()).as(method + " " + template + " is documented").isFalse();
		if (!responses.has(String.valueOf(answer.status()))) {
			undocumented.add(method + " " + template + " answered " + answer.status() + " " + answer.body()
					+ " but documents " + responses.propertyNames());
		}
		return answer;
	}

}
