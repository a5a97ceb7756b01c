package org.jijinan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins with one atomic statement each, locks the account when the count reaches the limit, and
 * leaves an audit record of every attempt.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final IdentitySettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LoginAttempts(JdbcClient jdbc, IdentitySettings settings, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	void failed(String username, String outcome) {
		events.publishEvent(new SignInAttempted(username, "PASSWORD", outcome));
		if (!"BAD_CREDENTIALS".equals(outcome)) {
			return;
		}
		Instant now = clock.instant();
		Optional<UUID> locked = jdbc.sql("""
				update identity_account
				   set failed_attempts = case when failed_attempts + 1 >= :limit then 0 else failed_attempts + 1 end,
				       locked_until = case when failed_attempts + 1 >= :limit then :until else locked_until end,
				       version = version + 1
				 where username = :username
				returning case when locked_until = :until then id end""")
			.param("limit", settings.maxFailedLogins())
			.param("until", Timestamp.from(now.plus(settings.lockout())))
			.param("username", Account.normalise(username))
			.query((row, number) -> Optional.ofNullable(row.getObject(1, UUID.class)))
			.optional()
			.flatMap(id -> id);
		locked.ifPresent(id -> events.publishEvent(new AccountLocked(new AccountId(id), Account.normalise(username))));
	}

	@Transactional
	void succeeded(AccountId account, String username) {
		jdbc.sql("""
				update identity_account set failed_attempts = 0, last_login_at = :now, version = version + 1
				 where id = :id""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", account.value())
			.update();
		events.publishEvent(new SignInAttempted(username, "PASSWORD", "SUCCESS"));
	}

}
