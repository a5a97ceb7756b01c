package org.jijinan;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients switch on problem codes, so every code the platform can answer has a Chinese and an English message and a
 * row in the published catalogue (docs/problems/README.md).
 */
class ProblemCatalogueTests {

	@Test
	void everyProblemCodeIsTranslatedAndDocumented() throws IOException {
		Set<String> english = codes("messages.properties");
		Set<String> chinese = codes("messages_zh_CN.properties");
		String catalogue = Files.readString(Path.of("docs/problems/README.md"), StandardCharsets.UTF_8);

		assertThat(english).hasSizeGreaterThan(100);
		assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
		assertThat(english).allSatisfy(code -> assertThat(catalogue).as("catalogue row for " + code)
			.contains("| `" + code + "` |"));
	}

	private static Set<String> codes(String file) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		Set<String> codes = new TreeSet<>();
		for (String key : messages.stringPropertyNames()) {
			if (key.startsWith("problem.")) {
				codes.add(key.substring("problem.".length()));
			}
		}
		return codes;
	}

}
