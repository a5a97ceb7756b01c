package org.jijinan.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.RequestDenied;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who read whose personal data and whose requests were refused, aggregated: the first occurrence per
 * person, subject and window is appended to the audit chain, later ones within the window only counted.
 */
@Service
class AccessRecords {

	static final Duration READ_WINDOW = Duration.ofHours(1);

	static final Duration DENIAL_WINDOW = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	AccessRecords(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	@Transactional
	void read(String actor, String subjectType, String subjectId) {
		if (first(actor, "READ", subjectType + "/" + subjectId, READ_WINDOW)) {
			trail.append(actor, "audit.personal-data-read", subjectType, subjectId, "SUCCESS",
					Map.of("window", READ_WINDOW.toString()));
		}
	}

	/**
	 * A refusal by the security filters (a URL rule, a CSRF token, a partner's scopes), recorded like the others.
	 */
	@EventListener
	@Transactional
	void on(RequestDenied denied) {
		denied(denied.actor(), denied.method(), denied.route());
	}

	@Transactional
	void denied(String actor, String method, String route) {
		if (first(actor, "DENIED", method + " " + route, DENIAL_WINDOW)) {
			trail.append(actor, "security.request-denied", "route", method + " " + route, "FAILURE",
					Map.of("window", DENIAL_WINDOW.toString()));
		}
	}

	/**
	 * @return whether this is the first occurrence in its window (counted either way)
	 */
	private boolean first(String actor, String kind, String subject, Duration window) {
		Instant now = clock.instant();
		Instant start = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % window.toMillis());
		return jdbc.sql("""
				insert into audit_access_window (actor, kind, subject, window_start, occurrences)
				values (:actor, :kind, :subject, :start, 1)
				on conflict (actor, kind, subject, window_start)
				do update set occurrences = audit_access_window.occurrences + 1
				returning xmax = 0""")
			.param("actor", limit(actor, 100))
			.param("kind", kind)
			.param("subject", limit(subject, 200))
			.param("start", Timestamp.from(start))
			.query(Boolean.class)
			.single();
	}

	private static String limit(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

}
