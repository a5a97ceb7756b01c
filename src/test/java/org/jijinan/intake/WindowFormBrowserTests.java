package org.jijinan.intake;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jijinan.Browser;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a window clerk registers an emergency with the keyboard, sees the request with its owner in the
 * right township's queue, adds a photo of the scene, and opens the printable receipt.
 */
@SystemTest
class WindowFormBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void clerkRegistersAnEmergencyAndGetsAReceipt() throws Exception {
		var clerk = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		try (Browser browser = Browser.start(port)) {
			browser.signIn(clerk.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			browser.open("/intake/new");
			browser.waitFor(By.id("request-form"));
			var driver = browser.driver();
			driver.findElement(By.cssSelector("input[name=urgency][value=EMERGENCY]")).click();
			driver.findElement(By.id("subjectName")).sendKeys("才让东主");
			driver.findElement(By.id("subjectPhone")).sendKeys("13909749999");
			new Select(driver.findElement(By.id("village"))).selectByValue(IntakeTests.DAOTANGHE_VILLAGE);
			driver.findElement(By.cssSelector("input[name=causes][value=FIRE]")).click();
			driver.findElement(By.id("description")).sendKeys("夜里房屋失火，全家无处安身");
			browser.screenshot("window-form");
			driver.findElement(By.id("submit-request")).click();

			browser.waitFor(By.id("request-number"));
			String number = browser.text(By.id("request-number"));
			assertThat(number).matches("JJN-\\d{8}-\\d{6}");
			assertThat(browser.text(By.id("request-owner"))).as("the owner by the name colleagues know, not the login")
				.contains("测试人员")
				.contains("恰卜恰镇人民政府")
				.doesNotContain(clerk.username());
			assertThat(browser.text(By.id("request-township"))).as("places by name, not by code")
				.startsWith("倒淌河镇 · ")
				.doesNotContainPattern("[0-9]{6}");
			assertThat(browser.text(By.id("request-subject"))).isEqualTo("才让东主");
			assertThat(browser.text(By.tagName("body"))).doesNotContain("13909749999");

			Path photo = Files.createTempDirectory("jijinan-photo").resolve("火灾现场.png");
			Files.write(photo, AttachmentTests.PNG);
			driver.findElement(By.id("attachment-file")).sendKeys(photo.toString());
			driver.findElement(By.id("attach")).click();
			browser.waitFor(By.cssSelector("#attachments li a"));
			assertThat(browser.text(By.id("attachments"))).contains("火灾现场.png");

			driver.findElement(By.id("receipt-link")).click();
			browser.waitFor(By.id("receipt"));
			assertThat(browser.text(By.id("receipt-number"))).isEqualTo(number);
			assertThat(browser.text(By.id("receipt-subject"))).isEqualTo("才让东主");
			assertThat(browser.text(By.id("receipt-causes"))).isEqualTo("火灾");
			assertThat(browser.text(By.id("receipt-township"))).isEqualTo("倒淌河镇");
			assertThat(browser.text(By.id("receipt-owner"))).isEqualTo("测试人员");
			browser.screenshot("receipt");
		}
	}

}
