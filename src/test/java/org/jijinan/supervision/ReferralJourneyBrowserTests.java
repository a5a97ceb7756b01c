package org.jijinan.supervision;

import org.jijinan.Browser;
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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, at a phone's size: a township refers a case to the education department, whose officer accepts and
 * completes the task, and the supervisor's board shows it done on time; and a task returned by two departments in
 * turn shows up on the board as passed on.
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
		reviewer = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		education = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		housing = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		supervisor = staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR);
	}

	@Test
	void referredTaskIsAcceptedCompletedAndShownOnTimeOnTheBoard() throws Exception {
		String caseNumber = openCase();

		try (Browser township = Browser.start(port)) {
			signIn(township, reviewer);
			refer(township, caseNumber, "共和县教育局", "孩子因火灾失去课本和校服，请落实教育资助");
			township.screenshot("case-referred");
		}
		try (Browser officer = Browser.start(port)) {
			signIn(officer, education);
			officer.open("/tasks");
			officer.waitFor(By.id("my-tasks"));
			officer.driver().findElement(By.linkText(caseNumber)).click();
			officer.waitFor(By.id("accept-task"));
			officer.driver().findElement(By.id("accept-task")).click();
			officer.waitFor(By.id("complete-task"));
			officer.waitForText(By.id("task-status"), "已签收");
			officer.driver().findElement(By.id("task-result-input")).sendKeys("已发放教育资助 1000 元，补发课本和校服");
			officer.driver().findElement(By.id("complete-task")).click();
			officer.waitFor(By.id("task-result"));
			officer.waitForText(By.id("task-status"), "已办结");
			assertThat(officer.text(By.id("task-result"))).contains("已发放教育资助");
			officer.screenshot("task-completed");
		}
		try (Browser board = Browser.start(port)) {
			signInWithSecondFactor(board, supervisor);
			board.open("/supervision");
			board.waitFor(By.id("board-units"));
			WebElement row = board.driver().findElement(By.cssSelector("#board-units tr[data-unit='共和县教育局']"));
			assertThat(row.findElement(By.className("on-time")).getText()).isEqualTo("100%");
			assertThat(row.findElement(By.className("overdue-count")).getText()).isEqualTo("0");
			board.waitFor(By.cssSelector("#board-chart svg"));
			board.screenshot("supervision-board");
		}
	}

	@Test
	void taskReturnedByTwoDepartmentsShowsAsPassedOn() throws Exception {
		String caseNumber = openCase();

		try (Browser township = Browser.start(port)) {
			signIn(township, reviewer);
			refer(township, caseNumber, "共和县教育局", "房屋烧毁，请落实住房救助");
		}
		String task = returnFirstTask(education, caseNumber, "住房救助不属于教育部门职责");
		try (Browser township = Browser.start(port)) {
			signIn(township, reviewer);
			township.open("/tasks/" + task);
			township.waitFor(By.id("refer-again-unit"));
			new Select(township.driver().findElement(By.id("refer-again-unit"))).selectByVisibleText("共和县住房和城乡建设局");
			township.driver().findElement(By.id("refer-again")).click();
			township.waitForText(By.id("task-unit-name"), "共和县住房和城乡建设局");
		}
		returnFirstTask(housing, caseNumber, "请先由乡镇核实房屋受损程度");
		try (Browser board = Browser.start(port)) {
			signInWithSecondFactor(board, supervisor);
			board.open("/supervision");
			board.waitFor(By.id("passed-on"));
			assertThat(board.text(By.id("passed-on"))).contains(caseNumber)
				.contains("共和县教育局 → 共和县住房和城乡建设局");
			board.screenshot("supervision-passed-on");
		}
	}

	private String returnFirstTask(Opened officer, String caseNumber, String reason) throws Exception {
		try (Browser browser = Browser.start(port)) {
			signIn(browser, officer);
			browser.open("/tasks");
			browser.waitFor(By.id("my-tasks"));
			browser.driver().findElement(By.linkText(caseNumber)).click();
			browser.waitFor(By.id("task-status"));
			String task = browser.driver().getCurrentUrl().replaceAll(".*/tasks/([0-9a-f-]{36}).*", "$1");
			browser.driver().findElement(By.cssSelector("details summary")).click();
			browser.driver().findElement(By.id("return-reason")).sendKeys(reason);
			browser.driver().findElement(By.id("return-task")).click();
			browser.waitFor(By.id("task-return-history"));
			browser.waitForText(By.id("task-status"), "已退回");
			return task;
		}
	}

	private void refer(Browser township, String caseNumber, String unit, String request) {
		township.open("/cases/" + caseNumber);
		township.waitFor(By.id("case-number"));
		township.driver().findElement(By.cssSelector("#refer summary")).click();
		new Select(township.driver().findElement(By.id("task-unit"))).selectByVisibleText(unit);
		new Select(township.driver().findElement(By.id("task-kind"))).selectByValue("DEPARTMENT_ASSISTANCE");
		township.driver().findElement(By.id("task-request")).sendKeys(request);
		township.driver().findElement(By.id("refer-task")).click();
		township.waitFor(By.id("case-tasks"));
		assertThat(township.text(By.id("case-tasks"))).contains(unit).contains("已转办");
	}

	private void signIn(Browser browser, Opened account) {
		browser.signIn(account.username(), StaffFixtures.PASSWORD);
		browser.waitFor(By.id("greeting"));
	}

	private void signInWithSecondFactor(Browser browser, Opened account) {
		browser.signIn(account.username(), StaffFixtures.PASSWORD);
		browser.waitFor(By.id("secret"));
		String code = StaffFixtures.codeFor(context, browser.text(By.id("secret")));
		browser.driver().findElement(By.id("code")).sendKeys(code);
		browser.driver().findElement(By.cssSelector("#enrolment-form button")).click();
		browser.waitFor(By.id("greeting"));
	}

	private String openCase() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor api = StaffFixtures.signedIn(port, reviewer);
		return CaseFixtures.acceptedCase(clerk, api, IntakeTests.request("URGENT", "13909745678", "FIRE"));
	}

}
