package org.jijinan.charity;

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
 * In Chromium, at a phone's size: the township records the family's consent and publishes the need, a charity
 * officer finds it on the board (without the family's name), takes it up and reports the delivery, the township
 * confirms it, and the case's timeline shows it.
 */
@SystemTest
class CharityJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened township;

	Opened officer;

	@BeforeEach
	void staff() {
		var staff = StaffFixtures.from(context);
		township = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		officer = staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY, Role.CHARITY_OFFICER);
	}

	@Test
	void aNeedIsPublishedTakenUpDeliveredAndConfirmed() throws Exception {
		Visitor clerk = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String caseNumber = CaseFixtures.acceptedCase(clerk, StaffFixtures.signedIn(port, township),
				IntakeTests.request("URGENT", "13909741234", "FIRE"));
		Visitor charityApi = StaffFixtures.signedIn(port, officer);
		assertThat(charityApi.json("POST", "/api/v1/charity-projects", """
				{"name": "冬季温暖行动", "causes": ["FIRE"], "regions": ["632521"], "perCaseMax": 3000, "budget": 60000,
				 "goods": "棉被、羽绒服"}""").status()).isEqualTo(201);

		try (Browser browser = Browser.start(port)) {
			browser.signIn(township.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			browser.open("/cases/" + caseNumber);
			browser.waitFor(By.cssSelector("#sharing summary"));
			browser.driver().findElement(By.cssSelector("#sharing summary")).click();
			new Select(browser.driver().findElement(By.id("sharing-kind"))).selectByValue("CONSENT");
			browser.driver().findElement(By.id("sharing-reference")).sendKeys("本人签字同意书");
			browser.driver().findElement(By.id("record-sharing")).click();
			browser.waitFor(By.id("sharing-basis"));
			browser.driver().findElement(By.id("case-needs-link")).click();
			browser.waitFor(By.id("publish-form"));
			browser.driver().findElement(By.cssSelector("input[name=kinds][value=GOODS]")).click();
			browser.driver().findElement(By.id("need-amount")).sendKeys("1200");
			browser.driver().findElement(By.id("need-summary")).sendKeys("房屋烧毁，一家四口急需过冬被褥和衣物");
			browser.driver().findElement(By.id("publish-need")).click();
			browser.waitFor(By.className("need"));
		}
		try (Browser charity = Browser.start(port)) {
			charity.signIn(officer.username(), StaffFixtures.PASSWORD);
			charity.waitFor(By.id("greeting"));
			charity.open("/charity/needs");
			charity.waitFor(By.className("need"));
			assertThat(charity.text(By.tagName("main"))).contains("才某").doesNotContain("才让")
				.doesNotContain("13909741234").doesNotContain(caseNumber);
			WebElement need = charity.driver()
				.findElements(By.className("need"))
				.stream()
				.filter(card -> card.getText().contains("一家四口急需过冬被褥"))
				.findFirst()
				.orElseThrow();
			new Select(need.findElement(By.name("projectId"))).selectByVisibleText(
					need.findElement(By.name("projectId")).findElements(By.tagName("option")).stream()
						.map(WebElement::getText).filter(text -> text.startsWith("冬季温暖行动")).findFirst().orElseThrow());
			need.findElement(By.className("claim-need")).click();
			charity.waitFor(By.className("report-delivery"));
			charity.screenshot("charity-claimed");
			charity.driver().findElement(By.cssSelector("#my-claims textarea")).sendKeys("送去棉被 4 床、羽绒服 4 件");
			charity.driver().findElement(By.className("report-delivery")).click();
			charity.waitForText(By.className("claim-status"), "已帮扶");
		}
		try (Browser browser = Browser.start(port)) {
			browser.signIn(township.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			browser.open("/charity/needs");
			browser.waitFor(By.className("confirm-delivery"));
			browser.driver().findElement(By.className("confirm-delivery")).click();
			browser.waitFor(By.className("need"));
			browser.open("/cases/" + caseNumber);
			browser.waitFor(By.id("timeline"));
			assertThat(browser.text(By.id("timeline"))).contains("慈善组织反馈已帮扶").contains("乡镇确认慈善帮扶")
				.contains("送去棉被 4 床");
			browser.screenshot("charity-confirmed");
		}
	}

}
