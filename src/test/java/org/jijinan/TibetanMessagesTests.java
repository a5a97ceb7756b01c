package org.jijinan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tibetan (བོད་ཡིག) covers everything the public reads: every message key of the public pages and of the texts to
 * applicants has a Tibetan value, every Tibetan value is made of real Tibetan syllables (Debian's hunspell-bo), and a
 * key not yet translated falls back to Chinese, never to English or to the key.
 */
class TibetanMessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Keys the public pages and the applicant's messages use, by prefix, whichever page shows them. */
	private static final List<String> PUBLIC_PREFIXES = List.of("public.", "applicant.sms.", "intake.status.",
			"intake.urgent-need.");

	@Test
	void everyKeyThePublicReadsHasATibetanValue() throws IOException {
		Properties chinese = load("messages_zh_CN.properties");
		Properties tibetan = load("messages_bo.properties");
		Set<String> needed = new TreeSet<>(keysOfPublicTemplates());
		for (String key : chinese.stringPropertyNames()) {
			if (PUBLIC_PREFIXES.stream().anyMatch(key::startsWith)) {
				needed.add(key);
			}
		}
		assertThat(needed).as("keys found").hasSizeGreaterThan(60).contains("public.apply.submit",
				"applicant.sms.ACCEPTED", "public.progress.PAID", "problem.intake.village-required");
		assertThat(needed.stream().filter(key -> !tibetan.containsKey(key)).toList()).as("missing in messages_bo")
			.isEmpty();
		// Hardship causes are named in Chinese and English in their table; Tibetan names live with the messages.
		assertThat(tibetan.stringPropertyNames()
			.stream()
			.filter(key -> !chinese.containsKey(key) && !key.startsWith("intake.cause."))
			.toList()).as("Tibetan keys nothing uses").isEmpty();
	}

	@Test
	void everyTibetanMessageIsMadeOfRealWords() throws Exception {
		Properties tibetan = load("messages_bo.properties");
		String text = String.join("\n", tibetan.stringPropertyNames()
			.stream()
			.sorted()
			.map(key -> tibetan.getProperty(key).replaceAll("\\{\\d+}", " "))
			.toList());
		assertThat(text).as("Tibetan script").containsPattern("[\\u0F00-\\u0FFF]{20}");
		assertThat(misspelt("ཀྐྐ་བཀྲ་ཤིས")).as("the checker refuses what is not Tibetan").containsExactly("ཀྐྐ");
		assertThat(misspelt(text)).isEmpty();
	}

	@Test
	void aKeyNotTranslatedFallsBackToChineseNeverToEnglishOrTheKey() throws IOException {
		MessageSource messages = new WebConfiguration().messageSource();
		Properties chinese = load("messages_zh_CN.properties");
		Properties tibetan = load("messages_bo.properties");
		assertThat(tibetan.containsKey("intake.language")).as("an untranslated key for the check").isFalse();
		assertThat(messages.getMessage("intake.language", null, Languages.TIBETAN))
			.isEqualTo(chinese.getProperty("intake.language"));
		assertThat(messages.getMessage("public.apply.submit", null, Languages.TIBETAN))
			.isEqualTo(tibetan.getProperty("public.apply.submit"));
		assertThat(messages.getMessage("public.apply.submit", null, Locale.ENGLISH)).isEqualTo("Send");
		assertThat(messages.getMessage("public.apply.submit", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("提交");
		long untranslated = 0;
		for (String key : chinese.stringPropertyNames()) {
			if (!tibetan.containsKey(key)) {
				untranslated++;
				assertThat(messages.getMessage(key, null, Languages.TIBETAN)).as(key)
					.isEqualTo(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
			}
		}
		assertThat(untranslated).as("staff texts stay Chinese").isGreaterThan(1000);
	}

	private static List<String> misspelt(String text) throws IOException, InterruptedException {
		Process hunspell = new ProcessBuilder("hunspell", "-d", "bo", "-l", "-i", "UTF-8").redirectErrorStream(true)
			.start();
		hunspell.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		hunspell.getOutputStream().close();
		String out = new String(hunspell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(hunspell.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(hunspell.exitValue()).as(out).isZero();
		return out.lines().filter(line -> !line.isBlank()).toList();
	}

	private static Set<String> keysOfPublicTemplates() throws IOException {
		Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)");
		Pattern beside = Pattern.compile("'((?:intake|shared|complaints)\\.[\\w.-]*[\\w])'");
		Set<String> keys = new TreeSet<>();
		List<Path> pages = new ArrayList<>();
		try (Stream<Path> all = Files.walk(TEMPLATES)) {
			all.filter(path -> path.getFileName().toString().startsWith("public-")).forEach(pages::add);
		}
		pages.add(TEMPLATES.resolve("fragments/layout.html"));
		pages.add(TEMPLATES.resolve("fragments/places.html"));
		assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
		for (Path page : pages) {
			String html = Files.readString(page);
			Matcher found = key.matcher(html);
			while (found.find()) {
				keys.add(found.group(1));
			}
			Matcher problem = beside.matcher(html);
			while (problem.find()) {
				keys.add("problem." + problem.group(1));
			}
		}
		// What the public complaint pages answer a refused verdict or a flood with, not beside a field.
		keys.addAll(Set.of("problem.complaints.too-many", "problem.complaints.verdict-required",
				"problem.complaints.follow-not-found", "problem.complaints.nothing-to-rate"));
		// The staff-only switch of the layout: public pages show the three languages by their own names.
		keys.removeAll(Set.of("app.language.switch", "app.language.param"));
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TibetanMessagesTests.class.getClassLoader().getResourceAsStream(name);
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
