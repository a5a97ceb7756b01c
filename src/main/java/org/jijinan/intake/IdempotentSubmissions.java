package org.jijinan.intake;

import java.sql.Timestamp;
import java.time.Clock;

import org.jijinan.shared.Caller;
import org.jijinan.shared.Digests;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submissions with an {@code Idempotency-Key} (S6): the first one with a key creates the request; a retry with the
 * same key and the same body gets the same request back; the same key with another body is refused (422). The key
 * row is written in the same transaction as the request, and a concurrent retry waits on it, so retries — one after
 * another or at the same moment — make exactly one request.
 */
@Service
public class IdempotentSubmissions {

	private final JdbcClient jdbc;

	private final IntakeDesk desk;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentSubmissions(JdbcClient jdbc, IntakeDesk desk, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param key the client's idempotency key (1–100 of letters, digits, {@code - _ : .})
	 * @return the request made by the first submission with this key
	 */
	@Transactional
	public HelpRequestView submit(String key, NewHelpRequest spec, Caller caller) {
		if (key == null || !key.matches("[A-Za-z0-9_.:-]{1,100}")) {
			throw new InvalidInput("intake.idempotency-key-malformed");
		}
		String hash = sha256(json.writeValueAsString(spec));
		int claimed = jdbc.sql("""
				insert into intake_idempotency (caller, idempotency_key, body_sha256, created_at)
				values (:caller, :key, :hash, :now) on conflict do nothing""")
			.param("caller", caller.name())
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (claimed == 0) {
			return replay(key, hash, caller);
		}
		HelpRequestView view = desk.receive(spec, caller);
		jdbc.sql("update intake_idempotency set request_number = :number where caller = :caller and idempotency_key = :key")
			.param("number", view.number())
			.param("caller", caller.name())
			.param("key", key)
			.update();
		return view;
	}

	private HelpRequestView replay(String key, String hash, Caller caller) {
		var earlier = jdbc.sql("""
				select body_sha256, request_number from intake_idempotency
				 where caller = :caller and idempotency_key = :key""")
			.param("caller", caller.name())
			.param("key", key)
			.query((row, number) -> new String[] { row.getString(1), row.getString(2) })
			.single();
		if (!earlier[0].equals(hash)) {
			throw new RuleViolation("intake.idempotency-key-reused");
		}
		return desk.find(earlier[1], caller);
	}

	private static String sha256(String text) {
		return Digests.sha256(text);
	}

}
