package org.jijinan.identity;

import java.time.Duration;

import org.jijinan.Visitor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's last use is written at most once a minute, and the session still ends when it has been idle for the
 * timeout: requests within the minute leave its row as it is, a request a minute or more after the stored last use
 * writes it, and a session idle for longer than the timeout is over.
 */
class SessionStoreTests extends IdentitySystemTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void writesTheLastUseOnceAMinuteAndStillEndsAnIdleSession() {
		StaffFixtures.Opened clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.WINDOW_CLERK);
		Visitor session = signedIn(clerk);
		long stored = lastUse(clerk);

		assertThat(session.get("/cases").status()).isEqualTo(200);
		assertThat(session.get("/cases").status()).isEqualTo(200);
		assertThat(lastUse(clerk)).as("requests within the minute leave the row alone").isEqualTo(stored);

		usedAgo(clerk, Duration.ofMinutes(2));
		long before = System.currentTimeMillis();
		assertThat(session.get("/cases").status()).isEqualTo(200);
		assertThat(lastUse(clerk)).as("a request a minute after the stored last use writes it")
			.isGreaterThanOrEqualTo(before);

		usedAgo(clerk, Duration.ofMinutes(31));
		assertThat(session.get("/cases").redirectsTo("/login")).as("idle for longer than the timeout: over").isTrue();
	}

	private long lastUse(StaffFixtures.Opened account) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = :name")
			.param("name", account.username())
			.query(Long.class)
			.single();
	}

	/** Moves the session's stored last use, and the expiry that follows it, into the past. */
	private void usedAgo(StaffFixtures.Opened account, Duration ago) {
		long back = ago.toMillis();
		jdbc.sql("""
				update spring_session set last_access_time = :now - :back, expiry_time = :now - :back + max_inactive_interval * 1000
				 where principal_name = :name""")
			.param("now", System.currentTimeMillis())
			.param("back", back)
			.param("name", account.username())
			.update();
	}

}
