package org.jijinan.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages to be sent. A message has a source key (the event that caused it), so handling one event twice
 * writes one message. Phone numbers are sealed; only the masked form is ever shown.
 */
@Component
class Outbox implements SealedColumns {

	static final String PHONE = "notify.recipient-phone";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Sealer sealer;

	private final Clock clock;

	Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, Sealer sealer, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.sealer = sealer;
		this.clock = clock;
	}

	@Transactional
	void sms(String sourceKey, String phone, String body) {
		PhoneNumber number = PhoneNumber.parse(phone);
		write(sourceKey, sealer.seal(number.value(), PHONE), number.masked(), "SMS", body, null);
	}

	/**
	 * An inbox message that opens the page of what it is about.
	 */
	@Transactional
	void inbox(String sourceKey, String account, String body, String link) {
		write(sourceKey, null, account, "INBOX", body, link);
	}

	/**
	 * Inbox messages written in one batch (the alerts of a deadline sweep's batch of escalations).
	 */
	@Transactional
	void inbox(List<InboxNote> notes) {
		Timestamp now = Timestamp.from(clock.instant());
		named.batchUpdate(INSERT, notes.stream()
			.map(note -> parameters(note.sourceKey(), null, note.account(), "INBOX", note.body(), note.link(), now))
			.toArray(SqlParameterSource[]::new));
	}

	/**
	 * An inbox message to write.
	 * @param sourceKey the event that caused it, so that handling the event twice writes it once
	 * @param account the recipient ({@link Inbox})
	 * @param link the page it opens
	 */
	record InboxNote(String sourceKey, String account, String body, String link) {
	}

	private static final String INSERT = """
			insert into notify_message (id, source_key, recipient_sealed, recipient_masked, channel, body, status,
			                            next_attempt_at, created_at, link)
			values (:id, :key, :sealed, :masked, :channel, :body, 'PENDING', :now, :now, :link)
			on conflict (source_key) do nothing""";

	private void write(String sourceKey, @Nullable String sealedRecipient, String masked, String channel, String body,
			@Nullable String link) {
		jdbc.sql(INSERT)
			.paramSource(parameters(sourceKey, sealedRecipient, masked, channel, body, link,
					Timestamp.from(clock.instant())))
			.update();
	}

	private static SqlParameterSource parameters(String sourceKey, @Nullable String sealedRecipient, String masked,
			String channel, String body, @Nullable String link, Timestamp now) {
		return new MapSqlParameterSource().addValue("id", UUID.randomUUID())
			.addValue("key", sourceKey)
			.addValue("sealed", sealedRecipient)
			.addValue("masked", masked)
			.addValue("channel", channel)
			.addValue("body", body.length() > 1000 ? body.substring(0, 1000) : body)
			.addValue("now", now)
			.addValue("link", link);
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("notify_message", "recipient_sealed", PHONE));
	}
}
