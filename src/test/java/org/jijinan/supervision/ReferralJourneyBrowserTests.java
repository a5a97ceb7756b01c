package org.jijinan.supervision;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departments' side of a case, each person signed in for the first time on an office screen and clicking only what
 * they see: a township refers a case to the education department, whose officer finds the task on the home page,
 * accepts and completes it; the township reads the result from its home page and is back on the case; the supervisor's
 * board shows the task done on time. And a task returned by two departments in turn shows up on the board as passed on;
 * the supervisor orders the township to act on it, and the township answers the order from its home page.
 */
@SystemTest
class ReferralJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened reviewer;

	Opened education;

	Opened housing;

	Opened supervisor;

	@BeforeEach
	void staff() {
		var staff = StaffFixtures.from(context);
		reviewer = staff.named("转办央金", StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		education = staff.named("教育局才措", StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		housing = staff.named("住建局尼玛", StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		supervisor = staff.named("督查贡保", StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR);
	}

	@Test
	void referredTaskIsAcceptedCompletedReadByTheTownshipAndShownOnTimeOnTheBoard() throws Exception {
		String caseNumber = openCase();

		try (Browser township = office()) {
			Journeys.signIn(township, reviewer);
			refer(township, caseNumber, "共和县教育局", "孩子因火灾失去课本和校服，请落实教育资助");
			Journeys.record("departments", "township officer refers a case to the education department", township);
		}
		try (Browser officer = office()) {
			Journeys.signIn(officer, education);
			officer.click("转给本单位、待签收的任务");
			officer.click(caseNumber);
			assertThat(officer.offers(caseNumber)).as("a department does not open the township's case").isFalse();
			officer.click("签收");
			assertThat(officer.text(By.id("task-status"))).isEqualTo("已签收，办理中");
			assertThat(officer.text(By.id("task-owner"))).as("people by name, never by login").isEqualTo("教育局才措");
			officer.fill("办理结果", "已发放教育资助 1000 元，补发课本和校服");
			officer.click("办结");
			Journeys.noProblem(officer);
			assertThat(officer.text(By.id("task-status"))).isEqualTo("已办结");
			assertThat(officer.text(By.id("task-result"))).contains("已发放教育资助");
			Journeys.record("departments", "department officer accepts and completes the task from the home page",
					officer);
		}
		try (Browser township = office()) {
			Journeys.signIn(township, reviewer);
			township.click("其他单位已办结、待您阅看结果的任务");
			township.click(caseNumber);
			assertThat(township.text(By.id("task-result"))).contains("已发放教育资助");
			township.click("已阅办理结果，回到个案");
			assertThat(township.text(By.id("case-number"))).isEqualTo(caseNumber);
			assertThat(township.text(By.id("case-tasks"))).contains("共和县教育局").contains("已办结")
				.contains("教育局才措");
			township.click("首页");
			assertThat(township.offers("其他单位已办结、待您阅看结果的任务")).as("a result read waits no more").isFalse();
			Journeys.record("departments", "township officer reads the result from the home page", township);
		}
		try (Browser board = office()) {
			signInWithSecondFactor(board, supervisor);
			board.click("督办");
			WebElement row = board.driver().findElement(By.cssSelector("#board-units tr[data-unit='共和县教育局']"));
			assertThat(row.findElement(By.className("on-time")).getText()).isEqualTo("100%");
			assertThat(row.findElement(By.className("overdue-count")).getText()).isEqualTo("0");
			board.waitFor(By.cssSelector("#board-chart svg"));
			Journeys.record("departments", "supervisor opens the board", board);
		}
	}

	@Test
	void taskReturnedByTwoDepartmentsShowsAsPassedOn() throws Exception {
		String caseNumber = openCase();

		try (Browser township = office()) {
			Journeys.signIn(township, reviewer);
			refer(township, caseNumber, "共和县教育局", "房屋烧毁，请落实住房救助");
		}
		giveBack(education, caseNumber, "住房救助不属于教育部门职责");
		try (Browser township = office()) {
			Journeys.signIn(township, reviewer);
			township.click("被退回、待重新转办的任务");
			township.click(caseNumber);
			assertThat(township.text(By.id("task-return-history"))).contains("住房救助不属于教育部门职责")
				.contains("教育局才措");
			township.choose("重新转办给", "共和县住房和城乡建设局");
			township.click("转办");
			assertThat(township.text(By.id("task-unit-name"))).isEqualTo("共和县住房和城乡建设局");
			Journeys.record("departments", "township officer refers a returned task again from the home page", township);
		}
		giveBack(housing, caseNumber, "请先由乡镇核实房屋受损程度");
		try (Browser board = office()) {
			signInWithSecondFactor(board, supervisor);
			board.click("督办");
			assertThat(board.text(By.id("passed-on"))).contains(caseNumber)
				.contains("共和县教育局 → 共和县住房和城乡建设局");
			board.click(caseNumber);
			board.fill("督办事项", "两个部门先后退回，请乡镇核实房屋受损程度后重新转办");
			board.click("下发督办单");
			Journeys.noProblem(board);
			assertThat(board.text(By.id("orders"))).contains("请乡镇核实房屋受损程度");
			Journeys.record("departments", "supervisor issues an order on a case passed on", board);
		}
		try (Browser township = office()) {
			Journeys.signIn(township, reviewer);
			township.click("督办单回复");
			assertThat(township.pageText()).contains("请乡镇核实房屋受损程度").contains("督查贡保")
				.doesNotContain(supervisor.username());
			township.fill("办理情况回复", "已入户核实，房屋主体受损，已转住建局危房改造");
			township.click("回复");
			Journeys.noProblem(township);
			assertThat(township.pageText()).contains("转办央金：已入户核实");
			township.click("首页");
			assertThat(township.offers("督办单回复")).as("an answered order waits no more").isFalse();
			Journeys.record("departments", "township officer answers the order from the home page", township);
		}
	}

	private void giveBack(Opened officer, String caseNumber, String reason) throws Exception {
		try (Browser browser = office()) {
			Journeys.signIn(browser, officer);
			browser.click("转给本单位、待签收的任务");
			browser.click(caseNumber);
			browser.click("退回");
			browser.fill("退回理由", reason);
			browser.click("确认退回");
			assertThat(browser.text(By.id("task-status"))).isEqualTo("已退回");
			assertThat(browser.text(By.id("task-return-history"))).contains(reason);
			Journeys.record("departments", "department officer returns a task with its reason", browser);
		}
	}

	private static void refer(Browser township, String caseNumber, String unit, String request) {
		township.click("个案");
		township.click(caseNumber);
		township.click("转办给其他单位");
		township.choose("承办单位", unit);
		township.choose("事项", "部门救助");
		township.fill("请求内容", request);
		township.click("转办");
		Journeys.noProblem(township);
		assertThat(township.text(By.id("case-tasks"))).contains(unit).contains("已转办");
	}

	private void signInWithSecondFactor(Browser browser, Opened account) {
		browser.signIn(account.username(), StaffFixtures.PASSWORD);
		browser.waitFor(By.id("secret"));
		String code = StaffFixtures.codeFor(context, browser.text(By.id("secret")));
		browser.driver().findElement(By.id("code")).sendKeys(code);
		browser.driver().findElement(By.cssSelector("#enrolment-form button")).click();
		browser.waitFor(By.id("greeting"));
		browser.journey().reset();
	}

	private Browser office() throws java.io.IOException {
		return Browser.start(port, 1366, 900);
	}

	private String openCase() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor api = StaffFixtures.signedIn(port, reviewer);
		return CaseFixtures.acceptedCase(clerk, api, IntakeTests.request("URGENT", "13909745678", "FIRE"));
	}

}
