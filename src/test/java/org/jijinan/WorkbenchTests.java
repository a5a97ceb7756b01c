package org.jijinan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * The home page lists each person's real work, each line one click from where it is done: the township's requests
 * to accept, proposals to review and to approve (never one's own), payments to batch, and for administrators the
 * accounts that need attention.
 */
@SystemTest
class WorkbenchTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521205");

	static final String VILLAGE = "632521205901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	@Test
	void listsEachPersonsWorkOneClickFromWhereItIsDone() {
		TestVillages.ensure(context, VILLAGE, "切吉一村");
		var staff = StaffFixtures.from(context);
		Opened clerkAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		Opened proposerAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor proposer = StaffFixtures.signedIn(port, proposerAccount);
		Opened colleagueAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor colleague = StaffFixtures.signedIn(port, colleagueAccount);
		Visitor approver = StaffFixtures.signedIn(port, staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_APPROVER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		assertThat(proposer.get("/").body()).doesNotContain("待受理的求助");

		String request = IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "subjectIdNumber": "%s", "subjectName": "才让措", "village": "%s",
				 "description": "房屋倒塌，无处居住", "causes": ["FIRE"]}""".formatted(phone(), TestIdNumbers.fresh(), VILLAGE)));
		assertThat(proposer.get("/").body()).as("the menu counts the work waiting on its page")
			.containsPattern("href=\"/intake/queue\"><span>待受理</span>\\s*<span class=\"badge[^\"]*\">1</span>");
		Page queue = follow(proposer, "待受理的求助", 1);
		assertThat(queue.body()).as("the line leads to the request").contains(request);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> proposer.get("/inbox").body().contains("href=\"/intake/requests/" + request + "\""));
		assertThat(proposer.get("/inbox").body()).as("the alert opens the request and names its owner, not a login")
			.contains("首问责任人 测试人员")
			.doesNotContain(clerkAccount.username());

		String caseNumber = proposer.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "")
			.body()
			.replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		assertThat(proposer.get("/").body()).doesNotContain("待受理的求助")
			.containsPattern("href=\"/intake/queue\"><span>待受理</span>\\s*</a>");
		proposer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		Page visit = proposer.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋倒塌，一家三口借住亲戚家\"}"
					.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")), colleagueAccount.username()));
		String visitId = visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(follow(colleague, "待您确认的入户调查记录", 1).body()).as("the line opens the visit's case")
			.contains(caseNumber);
		assertThat(proposer.get("/").body()).as("the recorder confirmed it by recording it")
			.doesNotContain("待您确认的入户调查记录");
		colleague.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + visitId + "/confirmation", "");
		assertThat(colleague.get("/").body()).doesNotContain("待您确认的入户调查记录");

		county.json("POST", "/api/v1/reserve-funds/" + TOWNSHIP.value() + "/top-ups",
				"{\"amount\": 2000, \"reference\": \"QJ-" + System.nanoTime() + "\", \"note\": \"拨付备用金\"}");
		String grant = idOf(proposer.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid", """
				{"cause": "FIRE", "amount": 800, "goods": "帐篷 1 顶", "situation": "房屋倒塌，当晚无处居住"}"""));
		assertThat(follow(proposer, "先行救助待补办手续", 1).body()).as("the line opens the case's relief page")
			.contains(caseNumber);
		proposer.json("POST", "/api/v1/emergency-aid/" + grant + "/paperwork", "{\"note\": \"已补签领款收据和审批表\"}");
		assertThat(proposer.get("/").body()).doesNotContain("先行救助待补办手续");
		Page proposed = proposer.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 3, "urban": false, "cashAmount": 1500,
				 "payeeName": "才让措", "payeeAccount": "6228480086017776666", "payeeBank": "中国农业银行共和县支行"}""");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = idOf(proposed);

		assertThat(proposer.get("/").body()).as("nobody reviews their own proposal").doesNotContain("待您审核");
		String page = "/cases/" + caseNumber + "/relief";
		assertThat(proposer.get(page).body()).as("the proposer may withdraw, not review")
			.doesNotContain("class=\"review-decision\"")
			.contains("撤回");
		assertThat(clerk.get(page).body()).as("a clerk is offered nothing and told who reviews")
			.doesNotContain("class=\"review-decision\"")
			.doesNotContain("class=\"refuse-decision\"")
			.contains("须由本乡镇另一名审核人审核");
		assertThat(colleague.get(page).body()).contains("class=\"review-decision\"");
		assertThat(follow(colleague, "待您审核的救助申请", 1).body()).as("the line leads to the proposal")
			.contains(caseNumber);
		assertThat(colleague.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		assertThat(colleague.get("/").body()).doesNotContain("待您审核");
		assertThat(colleague.get(page).body()).as("the reviewer may not approve what they reviewed, and is told who does")
			.doesNotContain("class=\"approve-decision\"")
			.contains("须由未参与经办、审核的乡镇审批人审批");
		assertThat(approver.get(page).body()).contains("class=\"approve-decision\"");
		assertThat(follow(approver, "已审核、待您审批的救助申请", 1).body()).contains(caseNumber);
		assertThat(approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "").status()).isEqualTo(200);
		assertThat(approver.get("/").body()).doesNotContain("待您审批");
		assertThat(follow(approver, "已批准、待制作支付批次的款项", 1).status()).isEqualTo(200);

		// A month on, the payment the approver answers for is overdue: it is on their home page, highlighted.
		clock.advance(Duration.ofDays(30));
		String home = approver.get("/").body();
		assertThat(home).as("the overdue step, highlighted, naming the case")
			.containsPattern("<li class=\"urgent\">\\s*<a href=\"/cases/" + caseNumber + "\"><span>救助发放</span>");
		assertThat(proposer.get("/").body()).as("and only on theirs").doesNotContain("救助发放");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void leadsAdministratorsToTheAccountsThatNeedThem() {
		var staff = StaffFixtures.from(context);
		Opened waiting = staff.fresh(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Page accounts = follow(admin, "尚未启用的账户（一次性密码未修改）", -1);
		assertThat(accounts.status()).as("the to-do line opens a page").isEqualTo(200);
		assertThat(accounts.body()).as("listing the account that has not been used yet, by name and unit")
			.contains("id=\"attention\"")
			.contains("测试人员")
			.doesNotContain(waiting.oneTimePassword());
		assertThat(StaffFixtures.signedIn(port, staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.WINDOW_CLERK)).get("/admin/accounts").status()).as("for administrators only").isEqualTo(403);
	}

	/**
	 * Clicks the home page's line with the given text, after checking its count (unless negative).
	 * @return the page it opened
	 */
	private static Page follow(Visitor who, String text, long count) {
		String home = who.get("/").body();
		Matcher line = Pattern
			.compile("<a href=\"([^\"]+)\"><span>" + Pattern.quote(text)
					+ "</span>\\s*<span class=\"count\">(\\d+)</span>")
			.matcher(home);
		assertThat(line.find()).as("the home page lists " + text + ": " + home).isTrue();
		if (count >= 0) {
			assertThat(Long.parseLong(line.group(2))).as(text).isEqualTo(count);
		}
		return who.get(line.group(1).replaceFirst("#.*", ""));
	}

	private static String phone() {
		return "1389750" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
