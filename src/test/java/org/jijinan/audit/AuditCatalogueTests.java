package org.jijinan.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page names every action and kind of subject in words: each one the code can record is in the
 * catalogue, and each one in the catalogue has an English and a Chinese label. A new audited event without a label
 * fails here.
 */
class AuditCatalogueTests {

	/** The literal an {@code auditAction()} returns, whole or as the start of a concatenation. */
	private static final Pattern RETURNED_ACTION = Pattern.compile(
			"auditAction\\(\\)\\s*\\{\\s*return\\s+(?:[a-z]+\\s*\\?\\s*)?\"([^\"]+)\"(\\s*\\+)?(?:\\s*:\\s*\"([^\"]+)\")?");

	/** An action passed as a value: to the trail itself, or to an event that carries its action. */
	private static final Pattern PASSED_ACTION = Pattern
		.compile("(?:trail\\.append\\([^,]+,|new PilotChanged\\()\\s*\"([a-z]+\\.[a-z0-9.-]+)\"");

	private static final Pattern RETURNED_SUBJECT_TYPE = Pattern
		.compile("auditSubjectType\\(\\)\\s*\\{\\s*return\\s+\"([^\"]+)\"");

	private static final Pattern READ_SUBJECT_TYPE = Pattern.compile("PersonalDataRead\\([^)]*subject\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern APPENDED_SUBJECT_TYPE = Pattern
		.compile("trail\\.append\\([^,]+,\\s*\"[^\"]+\",\\s*\"([^\"]+)\"");

	private static final Pattern EXPORTED_SUBJECT_TYPE = Pattern.compile("\\.exported\\([^,]+,\\s*\"([^\"]+)\"");

	@Test
	void everyActionTheCodeRecordsIsCatalogued() throws IOException {
		List<String> whole = new ArrayList<>();
		List<String> prefixes = new ArrayList<>();
		for (String source : sources()) {
			Matcher returned = RETURNED_ACTION.matcher(source);
			while (returned.find()) {
				(returned.group(2) != null ? prefixes : whole).add(returned.group(1));
				if (returned.group(3) != null) {
					whole.add(returned.group(3));
				}
			}
			Matcher passed = PASSED_ACTION.matcher(source);
			while (passed.find()) {
				whole.add(passed.group(1));
			}
		}
		List<String> catalogued = AuditCatalogue.ACTIONS.values().stream().flatMap(List::stream).toList();

		assertThat(whole).as("actions found in the code").hasSizeGreaterThan(60);
		assertThat(catalogued).containsAll(whole);
		assertThat(prefixes).isNotEmpty()
			.allSatisfy(prefix -> assertThat(catalogued).as("an action starting " + prefix)
				.anyMatch(action -> action.startsWith(prefix)));
		assertThat(catalogued).doesNotHaveDuplicates();
	}

	@Test
	void everyKindOfSubjectTheCodeRecordsIsCatalogued() throws IOException {
		List<String> found = new ArrayList<>();
		for (String source : sources()) {
			for (Pattern pattern : List.of(RETURNED_SUBJECT_TYPE, READ_SUBJECT_TYPE, APPENDED_SUBJECT_TYPE,
					EXPORTED_SUBJECT_TYPE)) {
				Matcher matcher = pattern.matcher(source);
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}

		assertThat(found).as("kinds of subject found in the code").hasSizeGreaterThan(30);
		assertThat(AuditCatalogue.SUBJECT_TYPES).containsAll(found).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
	void everyCatalogueEntryHasALabel(String file) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
			messages.load(reader);
		}

		assertThat(AuditCatalogue.ACTIONS.keySet()).allSatisfy(
				group -> assertThat(messages.getProperty("audit.group." + group)).as(group).isNotBlank());
		assertThat(AuditCatalogue.ACTIONS.values().stream().flatMap(List::stream)).allSatisfy(
				action -> assertThat(messages.getProperty("audit.action." + action)).as(action).isNotBlank());
		assertThat(AuditCatalogue.SUBJECT_TYPES).allSatisfy(
				type -> assertThat(messages.getProperty("audit.subject-type." + type)).as(type).isNotBlank());
		assertThat(AuditCatalogue.RESULTS).allSatisfy(
				result -> assertThat(messages.getProperty("audit.result." + result)).as(result).isNotBlank());
	}

	private static List<String> sources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> sources = new ArrayList<>();
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				sources.add(Files.readString(file, StandardCharsets.UTF_8));
			}
			return sources;
		}
	}

}
