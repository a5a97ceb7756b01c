package org.jijinan.intake;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a window clerk registers an emergency by clicking and typing into what the form shows, sees the request with its owner in the
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
		try (Browser browser = Browser.start(port, 1366, 900)) {
			Journeys.signIn(browser, clerk);
			browser.click("求助登记");
			browser.tick("紧急（生命安全受到威胁）");
			browser.fill("姓名", "才让东主");
			browser.fill("联系电话", "13909749999");
			browser.choose("村（社区）", "倒淌河东村（演示）");
			browser.tick("火灾");
			browser.fill("情况说明", "夜里房屋失火，全家无处安身");
			// He reads Tibetan: the receipt and every message to him will say it in Tibetan too.
			browser.choose("申请人使用的语言", "藏文（བོད་ཡིག）");
			browser.screenshot("window-form");
			browser.click("登记并出具回执");

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
			assertThat(browser.text(By.id("request-language"))).isEqualTo("藏文（བོད་ཡིག）");
			assertThat(browser.text(By.tagName("body"))).doesNotContain("13909749999");

			Path photo = Files.createTempDirectory("jijinan-photo").resolve("火灾现场.png");
			Files.write(photo, AttachmentTests.PNG);
			browser.attach("照片或文件", photo);
			browser.click("上传");
			assertThat(browser.text(By.id("attachments"))).contains("火灾现场.png");

			browser.click("打印回执");
			assertThat(browser.text(By.id("receipt-number"))).isEqualTo(number);
			assertThat(browser.text(By.id("receipt-subject"))).isEqualTo("才让东主");
			assertThat(browser.text(By.id("receipt-causes"))).startsWith("火灾").contains("མེ་སྐྱོན");
			assertThat(browser.pageText()).as("each heading in Chinese and in his language").contains("编号")
				.contains("ཨང་གྲངས།")
				.contains("ལན་འདེབས་དུས་ཚོད།");
			assertThat(browser.text(By.id("receipt-second-note"))).contains("12349");
			assertThat(browser.text(By.id("receipt-township"))).isEqualTo("倒淌河镇");
			assertThat(browser.text(By.id("receipt-owner"))).isEqualTo("测试人员");
			browser.screenshot("receipt");
			Journeys.record("window", "window clerk registers an emergency, adds a photo and prints the receipt", browser);
		}
	}

}
