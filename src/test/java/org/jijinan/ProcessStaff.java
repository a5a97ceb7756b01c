package org.jijinan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.identity.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo accounts of a platform started by {@link PlatformProcesses}, signed in as their owners would: with the
 * one-time password its first start printed, replaced at the first sign-in by {@link StaffFixtures#PASSWORD}.
 */
public final class ProcessStaff {

	private ProcessStaff() {
	}

	/**
	 * @return the one-time passwords the platform's first start printed, by login name
	 */
	public static Map<String, String> firstPasswords(Path data, int port) {
		Path file = data.resolve("platform-" + port + ".log");
		String log = await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(file, StandardCharsets.UTF_8),
					text -> text.matches("(?s).*DEMO ACCOUNTS.*demo\\.admin\\s+\\S+.*"));
		Map<String, String> passwords = new HashMap<>();
		Matcher line = Pattern.compile("^\\s+(demo\\.[a-z.0-9]+)\\s+(\\S+)$", Pattern.MULTILINE).matcher(log);
		while (line.find()) {
			passwords.put(line.group(1), line.group(2));
		}
		return passwords;
	}

	/**
	 * Signs each account in for the first time and replaces its one-time password.
	 * @return a signed-in visitor per login name
	 */
	public static Map<String, Visitor> firstSignIn(int port, Map<String, String> oneTimePasswords,
			List<String> usernames) {
		Map<String, Visitor> staff = new HashMap<>();
		for (String username : usernames) {
			Visitor visitor = new Visitor(port);
			String oneTime = oneTimePasswords.get(username);
			assertThat(visitor.signIn(username, oneTime).redirectsTo("/account/password")).as(username).isTrue();
			visitor.get("/account/password");
			assertThat(visitor.post("/account/password", Map.of("current", oneTime, "replacement", StaffFixtures.PASSWORD,
					"confirmation", StaffFixtures.PASSWORD)).redirectsTo("/")).as(username).isTrue();
			visitor.get("/");
			staff.put(username, visitor);
		}
		return staff;
	}

	/**
	 * @return the account signed in with the password it chose at its first sign-in
	 */
	public static Visitor signedIn(int port, String username) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(username, StaffFixtures.PASSWORD).redirectsTo("/")).as(username).isTrue();
		visitor.get("/");
		return visitor;
	}

}
