package org.jijinan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, on a phone-sized window, for page tests.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final String base;

	private final Path downloads;

	private Browser(WebDriver driver, int port, Path downloads) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
		this.downloads = downloads;
	}

	public static Browser start(int port) throws IOException {
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=390,844", "--lang=en-US",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		Path downloads = Files.createTempDirectory("chromium-downloads");
		options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new Browser(new ChromeDriver(service, options), port, downloads);
	}

	/**
	 * @return the folder the browser saves downloads in
	 */
	public Path downloads() {
		return downloads;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String username, String password) {
		open("/login");
		waitFor(By.id("login-form"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in")).click();
	}

	public void waitFor(By element) {
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	/**
	 * Waits until the element shows the text, across page loads (an element read while its page is being replaced
	 * is looked up again).
	 */
	public void waitForText(By element, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	public String text(By element) {
		return driver.findElement(element).getText();
	}

	public void screenshot(String name) throws IOException {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"),
				((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		driver.quit();
	}

}
