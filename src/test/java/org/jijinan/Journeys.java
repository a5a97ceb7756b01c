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
 * What every click-only journey does around the clicks: sign a person in as they would, and write down what they did.
 */
public final class Journeys {

	private Journeys() {
	}

	/**
	 * Signs the person in on the login page and checks their home page; their journey counts from there.
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

	/**
	 * Fails when the page refused what was sent, with the reasons it gave.
	 */
	public static void noProblem(Browser browser) {
		assertThat(refusals(browser)).as("refused").isEmpty();
	}

}
