package org.jijinan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser journey does around the clicks: signs a person in to their home page, and records what they
 * did with the accessibility problems met on the way.
 */
public final class Journeys {

	private Journeys() {
	}

	/**
	 * Signs the person in with {@link StaffFixtures#PASSWORD}, checks the home page for accessibility problems and
	 * starts counting their clicks afresh.
	 */
	public static void signIn(Browser browser, Opened who) {
		browser.signIn(who.username(), StaffFixtures.PASSWORD);
		browser.waitFor(By.id("greeting"));
		browser.journey().check(browser.driver(), "/");
		browser.journey().reset();
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
