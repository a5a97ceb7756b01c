package org.jijinan.casework;

import java.time.Duration;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.intake.IntakeTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases for tests, made the way staff make them: a clerk registers a request, a reviewer accepts it, and the case
 * opens after commit. Public so that other modules' tests can start from a case.
 */
public final class CaseFixtures {

	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

	private CaseFixtures() {
	}

	/**
	 * @param body a help request as the API takes it
	 * @return the number of the case opened for it
	 */
	public static String acceptedCase(Visitor clerk, Visitor reviewer, String body) {
		Page received = clerk.json("POST", "/api/v1/help-requests", body);
		String request = IntakeTests.numberOf(received);
		if (received.body().contains("\"possibleDuplicateOf\"")) {
			// Tests reuse phone numbers; the township checks and keeps the request apart, as a clerk would.
			Page kept = reviewer.json("POST", "/api/v1/help-requests/" + request + "/distinction",
					"{\"reason\": \"核实为另一户的另一件事\"}");
			assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		}
		Page accepted = reviewer.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.body()).as("the acceptance names its case").contains("\"caseNumber\":\"JJC-");
		return accepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
	}

	/**
	 * Links a case that names nobody in the registry to a person registered provisionally for it (name, a fresh
	 * phone, a village of the case's township), as a township does before proposing temporary assistance.
	 * @return the person's id
	 */
	public static String linkedToNewPerson(Visitor handler, String caseNumber) {
		String found = handler.get("/api/v1/cases/" + caseNumber).body();
		if (found.contains("\"personId\"")) {
			return found.replaceAll("(?s).*\"personId\":\"([0-9a-f-]{36})\".*", "$1");
		}
		String township = found.replaceAll("(?s).*\"township\":\"([0-9]{9})\".*", "$1");
		String name = found.contains("\"subjectName\"")
				? found.replaceAll("(?s).*\"subjectName\":\"([^\"]+)\".*", "$1") : "某某";
		String person = idOf(handler.json("POST", "/api/v1/persons", """
				{"name": "%s", "phone": "%s", "residence": "%s201"}""".formatted(name,
				"1370974" + String.format("%04d", PHONES.incrementAndGet() % 10_000), township)));
		Page linked = handler.json("POST", "/api/v1/cases/" + caseNumber + "/person",
				"{\"personId\": \"" + person + "\"}");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		return person;
	}

	/**
	 * @return the number of the case an accepted request belongs to, once it has opened
	 */
	public static String caseOf(Visitor reviewer, String requestNumber) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> reviewer.get("/api/v1/cases?request=" + requestNumber).body().contains("JJC-"));
		return reviewer.get("/api/v1/cases?request=" + requestNumber)
			.body()
			.replaceAll("(?s).*\"number\":\"(JJC-[0-9-]+)\".*", "$1");
	}

	/**
	 * @return the {@code id} a created resource was answered with
	 */
	public static String idOf(Page page) {
		assertThat(page.status()).as(page.body()).isIn(200, 201);
		return page.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

	/**
	 * Asserts a problem answer with its status and code.
	 */
	public static void assertProblem(Page answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
	}

	/**
	 * A household visit by the handler and a colleague, confirmed by both: what a proposal needs.
	 */
	public static void confirmedVisit(Visitor reviewer, Visitor colleague,
			org.jijinan.identity.StaffFixtures.Opened colleagueAccount, String caseNumber) {
		Page visit = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"住院一月，家中只剩老人\"}"
					.formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), colleagueAccount.username()));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		String id = visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(colleague.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + id + "/confirmation", "")
			.status()).isEqualTo(200);
		reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + id + "/confirmation", "");
	}

}
