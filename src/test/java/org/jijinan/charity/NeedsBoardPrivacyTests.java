package org.jijinan.charity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a charity can read of the needs board — the API, the page, the matches, a project's matches, its claims —
 * is scanned for the personal data of registered families whose needs are on it: ID numbers, phone numbers, full
 * names and case numbers. None may appear.
 */
@SystemTest
class NeedsBoardPrivacyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void showsCharitiesNothingThatIdentifiesTheFamilies() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor charity = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY, Role.CHARITY_OFFICER));
		String project = CaseFixtures.idOf(charity.json("POST", "/api/v1/charity-projects", """
				{"name": "隐私检查项目", "causes": ["FIRE"], "regions": ["632521"], "perCaseMax": 5000, "budget": 900000}"""));
		List<String> secrets = new ArrayList<>();
		List<String> needs = new ArrayList<>();
		String[] names = { "扎西多杰", "拉毛措", "索南卓玛" };
		for (int i = 0; i < names.length; i++) {
			String idNumber = idNumber();
			String phone = "1390974" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
			String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons", """
					{"name": "%s", "idNumber": "%s", "phone": "%s", "residence": "632521101201"}"""
				.formatted(names[i], idNumber, phone)));
			String number = CaseFixtures.acceptedCase(clerk, township, """
					{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "%s",
					 "personId": "%s", "village": "632521101201", "description": "房屋失火", "causes": ["FIRE"]}"""
				.formatted(phone, person));
			township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
					"{\"basis\": \"CONSENT\", \"reference\": \"同意书\"}");
			needs.add(CaseFixtures.idOf(township.json("POST", "/api/v1/cases/" + number + "/needs",
					"{\"kinds\": [\"CASH\"], \"amount\": 2000, \"summary\": \"房屋烧毁，急需过冬物资\"}")));
			secrets.addAll(List.of(idNumber, idNumber.substring(0, 14), phone, names[i], number));
		}
		charity.json("POST", "/api/v1/needs/" + needs.get(0) + "/claims",
				"{\"projectId\": \"" + project + "\", \"amount\": 1000}");

		List<String> seen = new ArrayList<>(List.of(charity.get("/api/v1/needs").body(),
				charity.get("/charity/needs").body(), charity.get("/api/v1/charity-projects/" + project + "/matches").body(),
				charity.get("/api/v1/charity-claims").body()));
		for (String need : needs) {
			seen.add(charity.get("/api/v1/needs/" + need).body());
			seen.add(charity.get("/api/v1/needs/" + need + "/matches").body());
			seen.add(charity.get("/api/v1/needs/" + need + "/claims").body());
		}

		assertThat(String.join("\n", seen)).contains("扎某").contains("拉某").contains("索某");
		for (String body : seen) {
			for (String secret : secrets) {
				assertThat(body).as("a charity's view").doesNotContain(secret);
			}
		}
	}

	private static String idNumber() {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
