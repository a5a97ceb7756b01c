package org.jijinan;

import java.util.ArrayList;
import java.util.List;

import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S12: forty hostile payloads typed into text fields — the names and goals of pilot phases, the subject, reporter and
 * description of help requests, a case's referral — are shown in Chromium on the pages that show them (the pilot,
 * each request, the case). None runs a
 * script or adds an element: every payload marks itself ({@code window.__xss}, a {@code data-xss} attribute) if it
 * ever becomes markup, and each page is checked for the marks and for the payload's literal text.
 */
@SystemTest
class XssBrowserTests {

	/** Each payload marks the page if it is ever parsed as markup or script. */
	static final List<String> PAYLOADS = List.of("<script>window.__xss=1</script>",
			"<img src=x onerror=\"window.__xss=1\" data-xss>", "<svg onload=window.__xss=1 data-xss>",
			"\"><img src=x onerror=window.__xss=1 data-xss>", "'><img src=x onerror=window.__xss=1 data-xss>",
			"</title><img src=x data-xss>", "</textarea><b data-xss>t</b>", "<b data-xss>bold</b>",
			"<iframe data-xss src=javascript:window.__xss=1>", "<a data-xss href=javascript:window.__xss=1>a</a>",
			"<body onload=window.__xss=1 data-xss>", "<details open ontoggle=window.__xss=1 data-xss>",
			"<input autofocus onfocus=window.__xss=1 data-xss>", "<video><source onerror=window.__xss=1 data-xss>",
			"<math><mtext data-xss></mtext></math>", "<style>body{background:red}</style><i data-xss>s</i>",
			"<object data-xss data=javascript:window.__xss=1>", "<embed data-xss src=javascript:window.__xss=1>",
			"<form data-xss action=javascript:window.__xss=1><button>x</button></form>",
			"<meta http-equiv=refresh content=0;url=javascript:window.__xss=1 data-xss>",
			"<base href=//evil.example/ data-xss>", "<link rel=stylesheet href=//evil.example/x.css data-xss>",
			"<marquee data-xss>m</marquee>", "<table><td data-xss background=javascript:window.__xss=1>",
			"<div style=\"background:url(javascript:window.__xss=1)\" data-xss>", "<svg><script>window.__xss=1</script>",
			"<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1 data-xss>\">",
			"<scr<script>ipt>window.__xss=1</script>", "%3Cimg%20src=x%20onerror=window.__xss=1%3E",
			"&lt;img src=x onerror=window.__xss=1&gt;", "javascript:window.__xss=1", "[[${7*7}]] [(${7*7})]",
			"__${T(java.lang.Runtime).getRuntime()}__", "{{constructor.constructor('window.__xss=1')()}}",
			"<img src=x onerror=&#119;indow.__xss=1 data-xss>", "<svg><a xlink:href=javascript:window.__xss=1 data-xss>",
			"<template data-xss><img src=x onerror=window.__xss=1></template>",
			"<select autofocus onfocus=window.__xss=1 data-xss>", "<keygen autofocus onfocus=window.__xss=1 data-xss>",
			"\u202e<b data-xss>rtl</b>");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void showsFortyHostilePayloadsAsTextOnEveryPageThatListsThem() throws Exception {
		assertThat(PAYLOADS).hasSize(40).doesNotHaveDuplicates();
		var staff = StaffFixtures.from(context);
		Opened county = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER);
		Opened reviewer = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor countyApi = StaffFixtures.signedIn(port, county);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewerApi = StaffFixtures.signedIn(port, reviewer);

		List<String> requests = new ArrayList<>();
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			Page phase = countyApi.json("POST", "/api/v1/pilot/phases", """
					{"name": %s, "startsOn": "%d-01-01", "endsOn": "%d-12-31", "goal": %s}"""
				.formatted(json(payload), 1960 + i, 1960 + i, json("目标 " + payload)));
			assertThat(phase.status()).as(phase.body()).isEqualTo(201);
			Page request = clerk.json("POST", "/api/v1/help-requests", """
					{"channel": "WINDOW", "urgency": "URGENT", "reporterName": %s, "reporterRelation": "NEIGHBOUR",
					 "reporterPhone": "13909741234", "subjectName": %s, "village": "632521101201",
					 "description": %s, "causes": ["FIRE"]}""".formatted(json(payload.length() > 50 ? "报告人" : payload),
					json(payload.length() > 50 ? "求助人" : payload), json("情况说明 " + payload)));
			assertThat(request.status()).as(request.body()).isEqualTo(201);
			requests.add(IntakeTests.numberOf(request));
		}
		Page accepted = reviewerApi.json("POST", "/api/v1/help-requests/" + requests.get(0) + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String caseNumber = CaseFixtures.caseOf(reviewerApi, requests.get(0));
		String education = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		assertThat(reviewerApi.json("POST", "/api/v1/cases/" + caseNumber + "/tasks", """
				{"unitId": "%s", "kind": "DEPARTMENT_ASSISTANCE", "request": %s, "dueWorkingDays": 5}"""
			.formatted(education, json(String.join(" ", PAYLOADS.subList(0, 10))))).status()).isEqualTo(201);

		try (Browser browser = Browser.start(port)) {
			browser.signIn(county.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			check(browser, "/pilot", "目标 " + PAYLOADS.get(7));
		}
		try (Browser browser = Browser.start(port)) {
			browser.signIn(reviewer.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			for (int i = 0; i < requests.size(); i++) {
				check(browser, "/intake/requests/" + requests.get(i), "情况说明 " + PAYLOADS.get(i));
			}
			check(browser, "/cases/" + caseNumber, PAYLOADS.get(0));
		}
	}

	private static void check(Browser browser, String path, String literal) {
		browser.open(path);
		browser.waitFor(By.tagName("main"));
		Object marks = ((JavascriptExecutor) browser.driver())
			.executeScript("return (window.__xss || 0) + document.querySelectorAll('[data-xss]').length;");
		assertThat(((Number) marks).intValue()).as(path + ": payloads that became markup or ran").isZero();
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).as(path + " shows the payload as text")
			.contains(literal);
	}

	private static String json(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x202e) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
