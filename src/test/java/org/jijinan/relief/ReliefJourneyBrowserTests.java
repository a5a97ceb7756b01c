package org.jijinan.relief;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.jijinan.Browser;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium, at a phone's size, an ordinary case from the township window to the bank: the clerk registers the
 * request, the reviewer accepts it and (after the household visit) proposes aid with the computed amount, a
 * colleague reviews, the approver approves, makes the payment batch, downloads the payout file and imports the
 * bank's result; the case is then being delivered and the chain shows the grant.
 */
@SystemTest
class ReliefJourneyBrowserTests {

	static final DivisionCode TANGGEMU = new DivisionCode("632521103");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened clerk;

	Opened handler;

	Opened colleague;

	Opened approver;

	@BeforeEach
	void staff() {
		var staff = StaffFixtures.from(context);
		clerk = staff.active(TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		handler = staff.active(TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		colleague = staff.active(TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		approver = staff.active(TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
	}

	@Test
	void anOrdinaryCaseGoesFromTheWindowToTheBank() throws Exception {
		String request;
		try (Browser window = Browser.start(port)) {
			window.signIn(clerk.username(), StaffFixtures.PASSWORD);
			window.waitFor(By.id("greeting"));
			window.open("/intake/new");
			window.waitFor(By.id("request-form"));
			var driver = window.driver();
			driver.findElement(By.cssSelector("input[name=urgency][value=NORMAL]")).click();
			driver.findElement(By.id("subjectName")).sendKeys("索南才让");
			driver.findElement(By.id("subjectPhone")).sendKeys("13909743210");
			new Select(driver.findElement(By.id("village"))).selectByValue("632521103201");
			driver.findElement(By.cssSelector("input[name=causes][value=FIRE]")).click();
			driver.findElement(By.id("description")).sendKeys("冬季取暖引发火灾，房屋和口粮被烧毁");
			driver.findElement(By.id("submit-request")).click();
			window.waitFor(By.id("request-number"));
			request = window.text(By.id("request-number"));
		}
		String caseNumber;
		try (Browser township = Browser.start(port)) {
			township.signIn(handler.username(), StaffFixtures.PASSWORD);
			township.waitFor(By.id("greeting"));
			township.open("/intake/requests/" + request);
			township.waitFor(By.id("accept"));
			township.driver().findElement(By.id("accept")).click();
			Visitor api = StaffFixtures.signedIn(port, handler);
			caseNumber = CaseFixtures.caseOf(api, request);
			// Accepting lands on the case.
			township.waitFor(By.id("move-INVESTIGATING"));
			assertThat(township.driver().getCurrentUrl()).endsWith("/cases/" + caseNumber);
			township.driver().findElement(By.id("move-INVESTIGATING")).click();
			township.waitForText(By.id("case-status"), "调查核实");
			recordConfirmedVisit(api, caseNumber);
			String idNumber = registered(api, "索南才让", "632521103201");
			township.waitFor(By.id("link-id-number"));
			township.driver().findElement(By.id("link-id-number")).sendKeys(idNumber);
			township.driver().findElement(By.id("link-person-submit")).click();
			township.waitForText(By.id("timeline"), "关联登记人员");
			assertThat(township.driver().findElements(By.id("link-person"))).as("linked: the form is gone").isEmpty();

			township.driver().findElement(By.id("case-relief-link")).click();
			township.waitFor(By.cssSelector("#propose summary"));
			township.driver().findElement(By.cssSelector("#propose summary")).click();
			new Select(township.driver().findElement(By.id("band"))).selectByVisibleText("二档");
			township.driver().findElement(By.id("persons")).clear();
			township.driver().findElement(By.id("persons")).sendKeys("3");
			township.driver().findElement(By.id("compute")).click();
			township.waitFor(By.id("computation"));
			// 520 × 1 × 3 months × 3 persons × 60 % = 2,808
			assertThat(township.text(By.id("computation"))).contains("2808.00");
			assertThat(township.driver().findElement(By.id("cash")).getAttribute("value"))
				.as("the computed amount is carried into the cash field").isEqualTo("2808.00");
			township.driver().findElement(By.id("payee-name")).sendKeys("索南才让");
			township.driver().findElement(By.id("payee-account")).sendKeys("6228480086099990001");
			township.driver().findElement(By.id("payee-bank")).sendKeys("中国农业银行共和县支行");
			township.screenshot("relief-proposal");
			township.driver().findElement(By.id("submit-proposal")).click();
			township.waitFor(By.className("decision-status"));
			assertThat(township.text(By.className("decision-status"))).isEqualTo("已提出，待审核");
			assertThat(township.text(By.id("decisions"))).contains("6228 **** **** 0001")
				.doesNotContain("6228480086099990001");
		}
		act(colleague, caseNumber, By.className("review-decision"), "已审核，待审批");
		try (Browser county = Browser.start(port)) {
			county.signIn(approver.username(), StaffFixtures.PASSWORD);
			county.waitFor(By.id("greeting"));
			county.open("/relief/decisions");
			county.waitFor(By.id("pending"));
			county.driver().findElement(By.linkText(caseNumber)).click();
			county.waitFor(By.className("approve-decision"));
			county.driver().findElement(By.className("approve-decision")).click();
			county.waitForText(By.className("decision-status"), "已批准");

			county.open("/relief/payments");
			county.waitFor(By.id("create-batch"));
			county.driver().findElement(By.id("create-batch")).click();
			county.waitFor(By.className("download-bank-file"));
			county.screenshot("relief-payments");
			county.driver().findElement(By.className("download-bank-file")).click();
			Path payout = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded(county), file -> file != null);
			String file = Files.readString(payout, StandardCharsets.UTF_8);
			String line = file.lines().filter(row -> row.contains(caseNumber)).findFirst().orElseThrow();
			assertThat(line).contains("索南才让,6228480086099990001,中国农业银行共和县支行,2808.00");
			assertThat(file).containsPattern("#hmac-sha256=[0-9a-f]{64}\n$");
			String order = line.split(",")[1];

			Path results = Files.createTempDirectory("bank-results").resolve("results.csv");
			Files.writeString(results, "order,result,bank_reference,reason\n" + order + ",成功,ABC20261128001,\n");
			county.driver().findElement(By.cssSelector(".import-results")).findElement(By.xpath("..")).findElement(
					By.name("file")).sendKeys(results.toString());
			county.driver().findElement(By.cssSelector(".import-results")).click();
			county.waitFor(By.id("report"));
			assertThat(county.text(By.id("report"))).contains("成功 1 笔");

			county.open("/cases/" + caseNumber);
			county.waitForText(By.id("case-status"), "救助实施");
			county.open("/cases/" + caseNumber + "/relief");
			county.waitFor(By.id("chain-records"));
			assertThat(county.text(By.id("chain-totals"))).contains("临时救助 现金 2,808 元");
			county.screenshot("relief-chain");
		}
	}

	private void act(Opened who, String caseNumber, By button, String status) throws Exception {
		try (Browser browser = Browser.start(port)) {
			browser.signIn(who.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			browser.open("/cases/" + caseNumber + "/relief");
			browser.waitFor(button);
			browser.driver().findElement(button).click();
			browser.waitForText(By.className("decision-status"), status);
		}
	}

	private void recordConfirmedVisit(Visitor api, String caseNumber) {
		Visitor.Page visit = api.json("POST", "/api/v1/cases/" + caseNumber + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋烧毁，口粮无存，一家三口借住亲戚家\"}"
					.formatted(LocalDate.now(), colleague.username()));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		String id = visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		Visitor other = StaffFixtures.signedIn(port, colleague);
		assertThat(other.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + id + "/confirmation", "").status())
			.isEqualTo(200);
		api.json("POST", "/api/v1/cases/" + caseNumber + "/visits/" + id + "/confirmation", "");
	}

	private static Path downloaded(Browser browser) throws Exception {
		try (Stream<Path> files = Files.list(browser.downloads())) {
			List<Path> done = files.filter(file -> file.toString().endsWith(".csv")).toList();
			return done.isEmpty() ? null : done.get(0);
		}
	}

	/** Registers a person with a fresh ID number in the village, as the township's clerk would. */
	private static String registered(Visitor api, String name, String village) {
		java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1)
			.plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(15_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
		String idNumber = body + org.jijinan.shared.ResidentIdNumber.checkCharacter(body);
		CaseFixtures.idOf(api.json("POST", "/api/v1/persons",
				"{\"name\": \"%s\", \"idNumber\": \"%s\", \"residence\": \"%s\"}".formatted(name, idNumber, village)));
		return idNumber;
	}

}
