package org.jijinan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, on a phone-sized window, for page tests.
 */
public final class Browser implements AutoCloseable {

	/**
	 * Browsers left by earlier tests, by window size: starting Chromium takes about three seconds, forgetting everything
	 * a person did in it (cookies, storage, downloads) a few milliseconds.
	 */
	private static final java.util.Map<String, java.util.Deque<Browser>> IDLE = new java.util.concurrent.ConcurrentHashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values()
			.forEach(idle -> idle.forEach(browser -> browser.driver.quit())), "browsers-quit"));
	}

	private final ChromeDriver driver;

	private final String size;

	private final Path downloads;

	private String base;

	private JourneyLog journey = new JourneyLog();

	private Browser(ChromeDriver driver, String size, Path downloads) {
		this.driver = driver;
		this.size = size;
		this.downloads = downloads;
	}

	public static Browser start(int port) throws IOException {
		return start(port, 390, 844);
	}

	/**
	 * A browser nobody has used yet, as far as the platform can tell: no cookies, storage or downloads.
	 *
	 * @param width the window's width in CSS pixels: 390 for a phone, 1366 for an office screen
	 * @param height its height
	 */
	public static Browser start(int port, int width, int height) throws IOException {
		String size = width + "x" + height;
		Browser browser = IDLE.computeIfAbsent(size, key -> new java.util.concurrent.ConcurrentLinkedDeque<>()).poll();
		if (browser == null) {
			browser = launch(width, height, size);
		}
		browser.base = "http://localhost:" + port;
		browser.journey = new JourneyLog();
		return browser;
	}

	private static Browser launch(int width, int height, String size) throws IOException {
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-US",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		Path downloads = Files.createTempDirectory("chromium-downloads");
		options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		if (width < 500) {
			// Chromium does not make a window narrower than 500 px: a phone's screen is emulated instead.
			options.setExperimentalOption("mobileEmulation",
					java.util.Map.of("deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
		}
		var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new Browser(new ChromeDriver(service, options), size, downloads);
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

	/**
	 * @return what this browser's person did so far: clicks, page loads, typed fields and accessibility problems
	 */
	public JourneyLog journey() {
		return journey;
	}

	/**
	 * Clicks the visible link or button showing the text, as a person would: when it sits in the folded phone menu,
	 * opens the menu first. Waits for the page the click leads to and checks it for accessibility problems.
	 */
	public void click(String text) {
		WebElement target = visible(text).orElseGet(() -> inFoldedMenu(text));
		boolean navigates = navigates(target);
		((JavascriptExecutor) driver).executeScript("window.__samePage = true;");
		int downloaded = downloadedFiles();
		target.click();
		journey.clicked(text);
		if (navigates) {
			// A new page, or a file saved while the page stays (a bank file, a workbook).
			new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> downloadedFiles() > downloaded
					|| Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
							"return window.__samePage === undefined && document.readyState === 'complete';")));
			if (downloadedFiles() == downloaded) {
				journey.loaded(driver, driver.getCurrentUrl());
			}
		}
	}

	/**
	 * @return the files the browser finished saving
	 */
	public List<Path> downloadedFiles(String suffix) {
		try (var files = Files.list(downloads)) {
			return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
	}

	private int downloadedFiles() {
		try (var files = Files.list(downloads)) {
			// Chromium writes into a hidden or .crdownload file and renames it when the download is complete.
			return (int) files.map(file -> file.getFileName().toString())
				.filter(name -> !name.startsWith(".") && !name.endsWith(".crdownload"))
				.count();
		}
		catch (IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
	}

	/**
	 * Chooses a file for the file field whose label shows the text, as a person picks it in the file dialog.
	 */
	public void attach(String label, Path file) {
		field(label).sendKeys(file.toAbsolutePath().toString());
		journey.chose(label);
	}

	/**
	 * Types into the field whose label shows the text. A day ({@code 2026-05-01}) or a month ({@code 2026-05}) is typed
	 * into a date or month field as a person types it there in this browser's language (month, day, year).
	 */
	public void fill(String label, String value) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(asTyped(field.getAttribute("type"), value));
		journey.typed(label);
	}

	private static String asTyped(String type, String value) {
		String[] parts = value.split("-");
		if ("date".equals(type) && parts.length == 3) {
			return parts[1] + parts[2] + parts[0];
		}
		if ("month".equals(type) && parts.length == 2) {
			return parts[1] + Keys.ARROW_RIGHT + parts[0];
		}
		return value;
	}

	/**
	 * Chooses the option showing the text in the list whose label shows the label text.
	 */
	public void choose(String label, String option) {
		new Select(field(label)).selectByVisibleText(option);
		journey.chose(label);
	}

	/**
	 * Ticks the box or picks the radio button whose label shows the text.
	 */
	public void tick(String label) {
		WebElement box = field(label);
		if (!box.isSelected()) {
			box.click();
		}
		journey.chose(label);
	}

	/**
	 * @return whether the box whose label shows the text is ticked
	 */
	public boolean ticked(String label) {
		return field(label).isSelected();
	}

	/**
	 * @return the value a field whose label shows the text holds now
	 */
	public String valueOf(String label) {
		return field(label).getAttribute("value");
	}

	/**
	 * @return whether a visible link or button shows the text
	 */
	public boolean offers(String text) {
		return visible(text).isPresent() || !clickables(text).isEmpty() && menuFolded();
	}

	/**
	 * @return whether the element is inside the visible part of the page, as a person sees it without scrolling
	 */
	public boolean inView(By element) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
				driver.findElement(element)));
	}

	/**
	 * @return the whole visible text of the page
	 */
	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/**
	 * The field a label names: a label showing exactly the text first (its own words, without the choices of a list
	 * inside it), else one that starts with it.
	 */
	private WebElement field(String label) {
		List<WebElement> labels = new ArrayList<>(driver.findElements(By.xpath("//label[normalize-space(.)="
				+ literal(label) + " or normalize-space(span[1])=" + literal(label) + "]")));
		labels.addAll(driver.findElements(By.xpath("//label[starts-with(normalize-space(.), " + literal(label) + ")]")));
		for (WebElement candidate : labels) {
			if (!candidate.isDisplayed()) {
				continue;
			}
			String target = candidate.getAttribute("for");
			if (target != null && !target.isEmpty()) {
				return driver.findElement(By.id(target));
			}
			List<WebElement> inner = candidate.findElements(By.cssSelector("input, select, textarea"));
			if (!inner.isEmpty()) {
				return inner.get(0);
			}
		}
		throw new NoSuchElementException("No visible field labelled " + label + " on " + driver.getCurrentUrl());
	}

	private java.util.Optional<WebElement> visible(String text) {
		return clickables(text).stream().filter(WebElement::isDisplayed).findFirst();
	}

	private List<WebElement> clickables(String text) {
		String same = "normalize-space(.)=" + literal(text) + " or normalize-space(@value)=" + literal(text)
				+ " or normalize-space(.//span[1])=" + literal(text);
		return driver.findElements(By.xpath("//a[" + same + "] | //button[" + same + "] | //summary[" + same
				+ "] | //input[(@type='submit' or @type='button') and (" + same + ")]"));
	}

	private boolean menuFolded() {
		List<WebElement> toggles = driver.findElements(By.id("menu-toggle"));
		return !toggles.isEmpty() && toggles.get(0).isDisplayed()
				&& !driver.findElement(By.id("menu")).isDisplayed();
	}

	private WebElement inFoldedMenu(String text) {
		if (menuFolded()) {
			driver.findElement(By.id("menu-toggle")).click();
			journey.clicked("菜单");
			new WebDriverWait(driver, Duration.ofSeconds(5))
				.until(d -> !d.findElement(By.id("menu")).findElements(By.cssSelector("a, button")).isEmpty()
						&& visible(text).isPresent());
			return visible(text).orElseThrow();
		}
		throw new NoSuchElementException("Nothing visible to click showing " + text + " on " + driver.getCurrentUrl());
	}

	private boolean navigates(WebElement target) {
		String tag = target.getTagName();
		if ("a".equals(tag)) {
			String href = target.getAttribute("href");
			boolean samePage = href != null && href.contains("#")
					&& href.split("#", 2)[0].equals(driver.getCurrentUrl().split("#", 2)[0]);
			return href != null && !samePage && target.getAttribute("data-bs-toggle") == null
					&& target.getAttribute("hx-get") == null && target.getDomAttribute("download") == null;
		}
		if ("summary".equals(tag)) {
			return false;
		}
		String type = target.getAttribute("type");
		if (!"submit".equals(type) || target.getAttribute("hx-post") != null) {
			return false;
		}
		List<WebElement> form = target.findElements(By.xpath("ancestor::form[1]"));
		// A form with a data-endpoint is sent by its script (the field report keeps a draft while offline).
		return !form.isEmpty() && form.get(0).getAttribute("hx-post") == null && form.get(0).getAttribute("hx-get") == null
				&& form.get(0).getAttribute("data-endpoint") == null;
	}

	private static String literal(String text) {
		return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
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
		try {
			forget();
			IDLE.get(size).push(this);
		}
		catch (RuntimeException | IOException unusable) {
			driver.quit();
		}
	}

	/**
	 * Leaves the browser as a new person would find it: signed out everywhere, no stored drafts, no downloads, no
	 * emulated network trouble.
	 */
	private void forget() throws IOException {
		driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
		if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
			driver.executeScript("localStorage.clear(); sessionStorage.clear();");
		}
		driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
		driver.executeCdpCommand("Storage.clearDataForOrigin",
				java.util.Map.of("origin", base, "storageTypes", "all"));
		driver.get("about:blank");
		try (var files = Files.list(downloads)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
