package org.jijinan.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijinan.shared.RuleViolation;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be (S13): 12 to 128 characters, not the login name, not a known common password, and not
 * built on the names of places or departments an attacker would try first (Qinghai, Gonghe, 民政, 12349 …).
 */
@Component
class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	static final int MAXIMUM_LENGTH = 128;

	private final Set<String> common;

	private final List<String> blockedWords;

	PasswordPolicy() {
		this.common = read("identity/common-passwords.txt").stream().collect(Collectors.toSet());
		this.blockedWords = read("identity/blocked-words.txt");
	}

	/**
	 * @throws RuleViolation naming the first rule the password breaks
	 */
	void check(String password, String username) {
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM_LENGTH) {
			throw new RuleViolation("identity.password-too-short", MINIMUM_LENGTH);
		}
		if (length > MAXIMUM_LENGTH) {
			throw new RuleViolation("identity.password-too-long", MAXIMUM_LENGTH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (!username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new RuleViolation("identity.password-contains-username");
		}
		if (common.contains(lower) || common.contains(lower.replaceAll("[^\\p{L}]+$", ""))) {
			throw new RuleViolation("identity.password-common");
		}
		for (String word : blockedWords) {
			if (lower.contains(word)) {
				throw new RuleViolation("identity.password-blocked-word");
			}
		}
		if (password.chars().distinct().count() < 5) {
			throw new RuleViolation("identity.password-repetitive");
		}
	}

	private static List<String> read(String resource) {
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.toList();
		}
		catch (IOException missing) {
			throw new UncheckedIOException("Password block list " + resource + " missing", missing);
		}
	}

}
