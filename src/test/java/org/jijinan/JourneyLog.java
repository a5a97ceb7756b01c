package org.jijinan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * What a person did in the browser during one journey: each click, page load and typed field, and the serious or
 * critical accessibility problems axe-core found on every page they reached.
 */
public final class JourneyLog {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final List<String> clicks = new ArrayList<>();

	private final List<String> pages = new ArrayList<>();

	private final List<String> typed = new ArrayList<>();

	private final Set<String> accessibilityProblems = new LinkedHashSet<>();

	void clicked(String text) {
		clicks.add(text);
	}

	void typed(String label) {
		typed.add(label);
	}

	void chose(String label) {
		clicks.add(label);
	}

	void loaded(WebDriver driver, String address) {
		pages.add(address);
		check(driver, address);
	}

	/**
	 * Checks the page now shown, as a page reached by a click is checked. A page of the same kind in the same shape
	 * and language (the same address with its numbers left out, the same sections, forms, open panels and tables) is
	 * checked once per test run: axe-core takes about a second a page.
	 */
	public void check(WebDriver driver, String address) {
		String shape = address.replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "")
			.replaceAll("[0-9A-Fa-f-]{36}|JJ[A-Z]-[0-9-]+|[0-9]+", "*") + " "
				+ ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
						return document.documentElement.lang + ' '
							+ Array.from(document.querySelectorAll('section[id], form, details[open], table, [role=alert]'))
							.map(function (e) { return e.tagName + '#' + (e.id || ''); }).join(',');""");
		if (!CHECKED.add(shape)) {
			return;
		}
		for (Rule violation : new AxeBuilder().analyze(driver).getViolations()) {
			if (BLOCKING.contains(violation.getImpact())) {
				violation.getNodes()
					.forEach(node -> accessibilityProblems.add(address.replaceAll("^https?://[^/]+", "") + " · "
							+ violation.getId() + " · " + node.getTarget() + " · " + violation.getHelp()));
			}
		}
	}

	public int clicks() {
		return clicks.size();
	}

	public int pageLoads() {
		return pages.size();
	}

	public int typedFields() {
		return typed.size();
	}

	public List<String> clickTrail() {
		return List.copyOf(clicks);
	}

	public Set<String> accessibilityProblems() {
		return Set.copyOf(accessibilityProblems);
	}

	/**
	 * Starts counting afresh, e.g. after signing in.
	 */
	public void reset() {
		clicks.clear();
		pages.clear();
		typed.clear();
	}

	@Override
	public String toString() {
		return clicks.size() + " clicks, " + pages.size() + " page loads, " + typed.size() + " typed fields: "
				+ String.join(" → ", clicks);
	}

}
