package org.jijinan.relief;

import java.util.Map;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions approved the way the demo staff approve them through the API, for the tests that drive a platform run as
 * its own process.
 */
public final class ApprovedDecisions {

	private ApprovedDecisions() {
	}

	/**
	 * @param staff signed-in demo staff: the clerk, the township reviewer and approver, the county reviewer
	 * @return the id of a decision approved for a new emergency request, with a pending payment order
	 */
	public static String throughTheApi(Map<String, Visitor> staff) {
		Visitor clerk = staff.get("demo.clerk");
		Visitor handler = staff.get("demo.township.reviewer");
		String request = clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "SELF", "reporterPhone": "13909740101",
				 "subjectName": "卓玛", "village": "632521100201", "description": "房屋失火，无处居住", "causes": ["FIRE"]}""")
			.body()
			.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
		assertThat(handler.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "").status()).isEqualTo(200);
		String caseNumber = org.jijinan.casework.CaseFixtures.caseOf(handler, request);
		org.jijinan.casework.CaseFixtures.linkedToNewPerson(handler, caseNumber);
		handler.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		Page proposed = handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", ReliefStaff.proposal("500", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = proposed.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(staff.get("demo.county.reviewer").json("POST", "/api/v1/decisions/" + decision + "/review", "")
			.status()).isEqualTo(200);
		Page approved = staff.get("demo.township.approver").json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		return decision;
	}

}
