package org.jijinan.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

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

	private final Sealer sealer;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Sealer sealer, Clock clock) {
		this.jdbc = jdbc;
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

	private void write(String sourceKey, @Nullable String sealedRecipient, String masked, String channel, String body,
			@Nullable String link) {
		jdbc.sql("""
				insert into notify_message (id, source_key, recipient_sealed, recipient_masked, channel, body, status,
				                            next_attempt_at, created_at, link)
				values (:id, :key, :sealed, :masked, :channel, :body, 'PENDING', :now, :now, :link)
				on conflict (source_key) do nothing""")
			.param("id", UUID.randomUUID())
			.param("key", sourceKey)
			.param("sealed", sealedRecipient)
			.param("masked", masked)
			.param("channel", channel)
			.param("body", body.length() > 1000 ? body.substring(0, 1000) : body)
			.param("now", Timestamp.from(clock.instant()))
			.param("link", link)
			.update();
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("notify_message", "recipient_sealed", PHONE));
	}
}
