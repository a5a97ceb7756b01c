package org.jijinan;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.Journeys.record;
import static org.jijinan.Journeys.signIn;

/**
 * A township's staff, each signed in for the first time on an office screen, take a walk-in emergency from the window
 * to the payment batch by clicking what they see: no typed address, no code, no login name. Each person's clicks,
 * page loads and typed fields are recorded (target/journeys), and every page they reach is checked by axe-core.
 */
@SystemTest
class TownshipJourneyBrowserTests {

	static final DivisionCode SHAZHUYU = new DivisionCode("632521202");

	static final String VILLAGE = "632521202901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened clerk;

	Opened handler;

	Opened colleague;

	Opened approver;

	@BeforeEach
	void township() {
		TestVillages.ensure(context, VILLAGE, "沙珠玉试点村");
		var staff = StaffFixtures.from(context);
		clerk = staff.named("窗口卓玛", SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		handler = staff.named("经办才让", SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		colleague = staff.named("审核拉毛", SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		approver = staff.named("审批多杰", SHAZHUYU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
	}

	@Test
	void aWalkInEmergencyReachesThePaymentBatchWithTownshipStaffOnly() throws Exception {
		String request;
		try (Browser window = office()) {
			signIn(window, clerk);
			window.click("求助登记");
			window.tick("紧急（生命安全受到威胁）");
			window.fill("身份证号码", TestIdNumbers.fresh());
			window.fill("姓名", "桑杰加");
			window.fill("联系电话", "13909741234");
			window.fill("查找村（社区）", "szysd");
			assertThat(window.valueOf("村（社区）")).as("the initials chose the village").isEqualTo(VILLAGE);
			window.tick("火灾");
			window.fill("情况说明", "凌晨房屋失火，一家四口无处安身");
			window.click("登记并出具回执");
			noProblem(window);
			request = window.text(By.id("request-number"));
			assertThat(window.text(By.id("request-township"))).isEqualTo("沙珠玉乡 · 沙珠玉试点村");
			record("township", "window clerk registers the walk-in", window);
		}

		String caseNumber;
		try (Browser desk = office()) {
			signIn(desk, handler);
			desk.click("待受理的求助");
			desk.click(request);
			desk.click("受理");
			caseNumber = desk.text(By.id("case-number"));
			assertThat(desk.text(By.id("case-township"))).isEqualTo("沙珠玉乡");
			desk.click("先行救助（先救助、后补手续）");
			desk.fill("现金（元）", "1000");
			desk.fill("紧急情况说明", "房屋烧毁，先解决吃住");
			desk.click("立即发放");
			noProblem(desk);
			assertThat(desk.text(By.id("grants"))).contains("1,000");
			assertThat(desk.journey().clicks()).as("walk-in emergency to aid recorded: %s", desk.journey())
				.isLessThanOrEqualTo(6);
			record("township", "township officer: accepted to emergency aid recorded", desk);

			desk.journey().reset();
			desk.click("返回个案 " + caseNumber);
			desk.click("开始调查核实");
			desk.click("记录入户调查（须两人）");
			desk.tick("审核拉毛");
			assertThat(desk.pageText()).as("colleagues by name, never by login").doesNotContain(colleague.username());
			desk.fill("调查情况", "房屋主体烧毁，口粮无存，借住邻居家");
			desk.click("保存调查记录");
			assertThat(desk.text(By.id("visits"))).contains("经办才让 ✓").contains("审核拉毛 …");
			record("township", "township officer: investigation and household visit", desk);
		}

		try (Browser second = office()) {
			signIn(second, colleague);
			second.click("待您确认的入户调查记录");
			second.click("确认调查记录");
			assertThat(second.text(By.id("visits"))).contains("审核拉毛 ✓");
			record("township", "second visitor confirms the visit", second);
		}

		try (Browser desk = office()) {
			signIn(desk, handler);
			desk.click("个案");
			desk.click(caseNumber);
			desk.click("提出临时救助");
			desk.choose("档次", "二档");
			desk.fill("家庭人口", "4");
			desk.click("计算可救助金额");
			String computed = desk.valueOf("现金（元）");
			assertThat(computed).as("the calculated amount is carried into the cash field").isNotBlank();
			// The clerk may change it: kept within the township's own authority (3,000 元), township staff decide.
			desk.fill("现金（元）", "2800");
			desk.fill("户名", "桑杰加");
			desk.fill("银行账号", "6228480086099991234");
			desk.fill("开户银行", "中国农业银行共和县支行");
			desk.click("提交审核");
			noProblem(desk);
			assertThat(desk.text(By.className("decision-status"))).isEqualTo("已提出，待审核");
			record("township", "township officer proposes temporary assistance", desk);
		}

		try (Browser review = office()) {
			signIn(review, colleague);
			review.click("待您审核的救助申请");
			review.click(caseNumber);
			review.click("审核通过，报审批");
			assertThat(review.text(By.className("decision-status"))).isEqualTo("已审核，待审批");
			record("township", "colleague reviews", review);
		}

		try (Browser approval = office()) {
			signIn(approval, approver);
			approval.click("已审核、待您审批的救助申请");
			approval.click(caseNumber);
			approval.click("批准");
			assertThat(approval.text(By.className("decision-status"))).startsWith("已批准");
			approval.click("救助发放");
			approval.click("生成发放批次");
			assertThat(approval.driver().findElements(By.cssSelector(".batch"))).hasSize(1);
			assertThat(approval.pageText()).doesNotContain(approver.username());
			record("township", "township approver approves and makes the payment batch", approval);
			assertThat(approval.journey().accessibilityProblems()).isEmpty();
		}
	}

	@Test
	void aProposalBeyondTheTownshipsAuthorityGoesToTheCountyAndTheTownshipIsToldWhy() throws Exception {
		String caseNumber = investigatedCase("卓玛措");
		Visitor desk = StaffFixtures.signedIn(port, handler);
		Visitor.Page proposed = desk.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 4, "urban": false, "cashAmount": 4500,
				 "payeeName": "卓玛措", "payeeAccount": "6228480086099995678", "payeeBank": "中国农业银行共和县支行"}""");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		var staff = StaffFixtures.from(context);
		Opened countyReviewer = staff.named("县审核才旦", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.COUNTY_REVIEWER);
		Opened countyApprover = staff.named("县审批索南", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.COUNTY_APPROVER);

		try (Browser township = office()) {
			signIn(township, approver);
			township.click("个案");
			township.click(caseNumber);
			assertThat(township.text(By.id("next-steps"))).as("the township approver is told who decides")
				.contains("超出乡镇审批权限，须由县级审核人审核。");
			assertThat(township.offers("审核通过，报审批")).isFalse();
			assertThat(township.offers("批准")).isFalse();
			record("county", "township approver sees who decides a county-level proposal", township);
		}
		try (Browser county = office()) {
			signIn(county, countyReviewer);
			county.click("待您审核的救助申请");
			county.click(caseNumber);
			county.click("审核通过，报审批");
			assertThat(county.text(By.className("decision-status"))).isEqualTo("已审核，待审批");
			record("county", "county reviewer reviews from the home page", county);
		}
		try (Browser county = office()) {
			signIn(county, countyApprover);
			county.click("已审核、待您审批的救助申请");
			county.click(caseNumber);
			county.click("批准");
			assertThat(county.text(By.className("decision-status"))).startsWith("已批准");
			record("county", "county approver approves from the home page", county);
		}
	}

	/**
	 * A case of the township accepted, under investigation and with a confirmed two-person visit, made through the
	 * API as the township's staff would on their pages.
	 */
	private String investigatedCase(String name) {
		Visitor window = StaffFixtures.signedIn(port, clerk);
		String request = window.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909745678",
				 "subjectIdNumber": "%s", "subjectName": "%s", "village": "%s",
				 "description": "房屋失火，家中财物尽毁", "causes": ["FIRE"]}""".formatted(TestIdNumbers.fresh(), name, VILLAGE))
			.body()
			.replaceAll("(?s).*\"number\":\"(JJN-[0-9-]+)\".*", "$1");
		Visitor desk = StaffFixtures.signedIn(port, handler);
		String caseNumber = desk.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "")
			.body()
			.replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		desk.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		String visit = idOfVisit(desk.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋烧毁，一家四口借住亲戚家\"}"
					.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")), colleague.username())));
		Visitor.Page confirmed = StaffFixtures.signedIn(port, colleague)
			.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + visit + "/confirmation", "");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		return caseNumber;
	}

	private static String idOfVisit(Visitor.Page visit) {
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		return visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

	private static void noProblem(Browser browser) {
		assertThat(browser.driver().findElements(By.cssSelector("#problem, .field-problem")))
			.as("refused: %s", browser.driver()
				.findElements(By.cssSelector("#problem, .field-problem"))
				.stream()
				.map(org.openqa.selenium.WebElement::getText)
				.toList())
			.isEmpty();
	}

	private Browser office() throws IOException {
		return Browser.start(port, 1366, 900);
	}

}
