package org.jijinan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jijinan.identity.DemoStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

	WebDriver browser;

	@BeforeEach
	void startBrowser() throws Exception {
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=390,844", "--lang=en-US",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() {
		browser.quit();
	}

	@Test
	void demoClerkSignsInSetsAPasswordAndSeesTheirHomePage() throws Exception {
		String oneTimePassword = demo.oneTimePasswords().get("demo.clerk");
		browser.get("http://localhost:" + port + "/");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("工作人员登录").contains("演示环境");
		browser.findElement(By.id("username")).sendKeys("demo.clerk");
		browser.findElement(By.id("password")).sendKeys(oneTimePassword);
		browser.findElement(By.id("sign-in")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
		browser.findElement(By.id("current")).sendKeys(oneTimePassword);
		browser.findElement(By.id("replacement")).sendKeys("Prairie-Window-5521");
		browser.findElement(By.id("confirmation")).sendKeys("Prairie-Window-5521");
		browser.findElement(By.id("save-password")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
		assertThat(browser.findElement(By.id("greeting")).getText()).contains("受理窗口（演示）");
		assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("恰卜恰镇人民政府");
		assertThat(browser.findElement(By.cssSelector("[data-role=WINDOW_CLERK]")).getText()).contains("乡镇受理窗口");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/demo-clerk-home.png"),
				((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
