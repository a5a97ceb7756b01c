package org.jijinan.intake;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我报告的: a reporter sees his own reports and nobody else's, not even a colleague's of the same village, whose
 * report numbers answer as if they did not exist; the home page counts the reports with news until he has read them;
 * malformed pages and numbers are refused with a message.
 */
@SystemTest
class MyReportsTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521403");

	static final String VILLAGE = "632521403901";

	static final String NEWS = "我报告的求助有了新结果";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	StaffFixtures staff;

	@BeforeEach
	void villages() {
		TestVillages.ensure(context, VILLAGE, "安置农场一队", "632521403902", "安置农场二队");
		staff = StaffFixtures.from(context);
	}

	@Test
	void showsAReporterHisOwnReportsOnlyAndAnswersAnotherOnesAsUnknown() {
		Visitor reporter = reporter();
		Visitor colleague = reporter();
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String mine = report(reporter, "五保户仁青");
		String theirs = report(colleague, "孤儿小扎西");

		assertThat(reporter.get("/intake/mine").body()).contains(mine).contains("五保户仁青").doesNotContain(theirs)
			.doesNotContain("孤儿小扎西");
		assertThat(reporter.get("/intake/mine/" + mine).body()).contains("五保户仁青").contains("待受理");
		Page other = reporter.get("/intake/mine/" + theirs);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("孤儿小扎西");
		assertThat(reporter.get("/intake/requests/" + theirs).status()).as("nor through the request page").isEqualTo(403);
		assertThat(reporter.get("/intake/mine/JJN-20990101-999999").status()).as("unknown, answered alike")
			.isEqualTo(404);
		assertThat(clerk.get("/intake/mine/" + mine).status()).as("a township clerk: not his report").isEqualTo(404);
		assertThat(clerk.get("/intake/requests/" + mine).body()).as("but his normal work").contains("五保户仁青");
		assertThat(clerk.get("/intake/mine").body()).doesNotContain(mine);
	}

	@Test
	void refusesMalformedPagesAndNumbersWithAMessage() {
		Visitor reporter = reporter();
		for (String page : List.of("abc", "0", "-1", "10001", "99999999999", "1.5", "")) {
			Page answer = reporter.get("/intake/mine?page=" + page);
			if (page.isEmpty()) {
				assertThat(answer.status()).as("an empty page means the first").isEqualTo(200);
				continue;
			}
			assertThat(answer.status()).as(page).isEqualTo(400);
			assertThat(answer.body()).as(page).containsAnyOf("页码应为 1 到 10,000 之间的整数", "参数“page”的值格式不正确")
				.doesNotContain("Exception");
		}
		Page malformed = reporter.get("/intake/mine/JJN-abc");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("求助编号格式应为");
		assertThat(reporter.get("/intake/mine?page=2").body()).contains("这一页没有报告");
	}

	@Test
	void pagesTwentyReportsToAPageNewestFirst() {
		Visitor reporter = reporter();
		String oldest = report(reporter, "第一位");
		for (int i = 2; i <= 21; i++) {
			report(reporter, "第" + i + "位");
		}
		String first = reporter.get("/intake/mine").body();
		assertThat(first.split("class=\"card report\"", -1)).hasSize(21);
		assertThat(first).contains("第21位").doesNotContain(oldest).contains("id=\"next-page\"");
		String second = reporter.get("/intake/mine?page=2").body();
		assertThat(second).contains(oldest).contains("id=\"previous-page\"").doesNotContain("id=\"next-page\"");
	}

	@Test
	void countsReportsWithNewsOnTheHomePageUntilTheyAreRead() {
		Opened account = staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		Visitor reporter = StaffFixtures.signedIn(port, account);
		Visitor township = StaffFixtures.signedIn(port, staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		String phone = phone();
		String first = report(reporter, "卓玛才让", phone);
		String again = report(reporter, "卓玛才让", phone);
		assertThat(reporter.get("/").body()).as("nothing decided yet").doesNotContain(NEWS);

		assertThat(township.json("POST", "/api/v1/help-requests/" + again + "/merger", "{\"into\": \"" + first + "\"}")
			.status()).isEqualTo(200);
		Page accepted = township.json("POST", "/api/v1/help-requests/" + first + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(newsOnHome(reporter)).isEqualTo(2);
		assertThat(reporter.get("/").body()).as("the menu counts them too")
			.containsPattern("href=\"/intake/mine\"><span>我报告的</span>\\s*<span class=\"badge[^\"]*\">2</span>");
		String list = reporter.get("/intake/mine").body();
		assertThat(list).contains("已与同一人的其他求助合并办理").contains("尚未给予救助").contains("办理中");
		assertThat(reporter.get("/").body()).as("read").doesNotContain(NEWS);

		String caseNumber = accepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		assertThat(county.json("POST", "/api/v1/reserve-funds/" + TOWNSHIP.value() + "/top-ups",
				"{\"amount\": 3000, \"reference\": \"AZ-" + System.nanoTime() + "\"}").status()).isEqualTo(200);
		assertThat(township.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid",
				"{\"cause\": \"FIRE\", \"amount\": 600, \"goods\": \"棉被 1 床\", \"situation\": \"房屋失火\"}").status())
			.isEqualTo(201);
		assertThat(newsOnHome(reporter)).as("aid given is news for both, the merged one too").isEqualTo(2);
		String aided = reporter.get("/intake/mine/" + again).body();
		assertThat(aided).contains("已给予救助").doesNotContain("600.00").doesNotContain("元").doesNotContain("棉被")
			.doesNotContain(caseNumber);
		assertThat(newsOnHome(reporter)).as("one read on its own page").isEqualTo(1);
		reporter.get("/intake/mine");
		assertThat(reporter.get("/").body()).doesNotContain(NEWS);
	}

	private long newsOnHome(Visitor reporter) {
		String home = reporter.get("/").body();
		assertThat(home).contains(NEWS);
		return Long.parseLong(home.replaceAll("(?s).*<span>" + NEWS + "</span>\\s*<span class=\"count\">(\\d+)</span>.*",
				"$1"));
	}

	private Visitor reporter() {
		return StaffFixtures.signedIn(port,
				staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER));
	}

	private static String report(Visitor reporter, String name) {
		return report(reporter, name, phone());
	}

	/** A field report as the phone's form sends it. */
	static String report(Visitor reporter, String name, String phone) {
		Page received = reporter.json("POST", "/api/v1/help-requests", """
				{"channel": "FIELD_REPORT", "urgency": "URGENT", "reporterRelation": "VILLAGE_WORKER",
				 "subjectName": "%s", "subjectPhone": "%s", "village": "%s", "description": "房屋失火，无处居住",
				 "causes": ["FIRE"]}""".formatted(name, phone, VILLAGE));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return IntakeTests.numberOf(received);
	}

	static String phone() {
		return "1359740" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
