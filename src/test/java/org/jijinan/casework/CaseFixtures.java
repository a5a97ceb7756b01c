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

	private CaseFixtures() {
	}

	/**
	 * @param body a help request as the API takes it
	 * @return the number of the case opened for it
	 */
	public static String acceptedCase(Visitor clerk, Visitor reviewer, String body) {
		String request = IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", body));
		Page accepted = reviewer.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		return caseOf(reviewer, request);
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

}
