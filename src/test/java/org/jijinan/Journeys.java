package org.jijinan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser journey does alike: a person signs in on their home page, which is checked by axe-core, and
 * counting starts there; each step's clicks, page loads and typed fields go to target/journeys.
 */
public final class Journeys {

	private Journeys() {
	}

	/**
	 * Signs the person in, checks their home page and starts counting what they do from it.
	 */
	public static void signIn(Browser browser, Opened who) {
		browser.signIn(who.username(), StaffFixtures.PASSWORD);
		browser.waitFor(By.id("greeting"));
		browser.journey().check(browser.driver(), "/");
		browser.journey().reset();
	}

	/**
	 * @return the reasons the page shows for a refused form: at the top and beside the fields
	 */
	public static List<String> refusals(Browser browser) {
		return browser.driver()
			.findElements(By.cssSelector("#problem, .field-problem"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * Writes what the person did to target/journeys, for docs/BENCHMARKS.md, and fails on any serious or critical
	 * accessibility problem met on the way.
	 */
	public static void record(String journey, String step, Browser browser) throws IOException {
		Path file = Path.of("target/journeys/" + journey + ".txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, step + ": " + browser.journey() + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		assertThat(browser.journey().accessibilityProblems()).as(step).isEmpty();
	}

}
