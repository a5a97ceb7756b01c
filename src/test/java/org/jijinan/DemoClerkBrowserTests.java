package org.jijinan;

import org.jijinan.identity.DemoStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chromium: the demo window clerk signs in with the one-time password printed at the first start, sets a
 * password of their own and sees their home page, on a phone-sized window.
 */
@SystemTest
class DemoClerkBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoStaff demo;

	@Test
	void demoClerkSignsInSetsAPasswordAndSeesTheirHomePage() throws Exception {
		String oneTimePassword = demo.oneTimePasswords().get("demo.clerk");
		try (Browser browser = Browser.start(port)) {
			browser.open("/");
			browser.waitFor(By.id("public-home"));
			browser.click("工作人员登录");
			browser.waitFor(By.id("login-form"));
			assertThat(browser.text(By.tagName("body"))).contains("工作人员登录").contains("演示环境");
			browser.signIn("demo.clerk", oneTimePassword);

			browser.waitFor(By.id("password-form"));
			browser.driver().findElement(By.id("current")).sendKeys(oneTimePassword);
			browser.driver().findElement(By.id("replacement")).sendKeys("Prairie-Window-5521");
			browser.driver().findElement(By.id("confirmation")).sendKeys("Prairie-Window-5521");
			browser.driver().findElement(By.id("save-password")).click();

			browser.waitFor(By.id("greeting"));
			assertThat(browser.text(By.id("greeting"))).contains("受理窗口（演示）");
			assertThat(browser.text(By.id("unit-name"))).isEqualTo("恰卜恰镇人民政府");
			assertThat(browser.text(By.cssSelector("[data-role=WINDOW_CLERK]"))).contains("乡镇受理窗口");
			browser.screenshot("demo-clerk-home");
		}
	}

}
