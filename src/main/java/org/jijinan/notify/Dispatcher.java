package org.jijinan.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.Sealer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages: claims a batch with {@code FOR UPDATE SKIP LOCKED} (several nodes never send the same
 * message), sends each, and marks it sent, or schedules another try with back-off (1, 5, 30 minutes, then hourly)
 * until the sixth failure marks it failed.
 */
@Component
class Dispatcher {

	static final int MAX_ATTEMPTS = 6;

	private final JdbcClient jdbc;

	private final MessageSender sender;

	private final Sealer sealer;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Dispatcher(JdbcClient jdbc, MessageSender sender, Sealer sealer, Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.sealer = sealer;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${jijinan.notify.dispatch-interval:PT5S}")
	void dispatch() {
		Integer sent;
		do {
			sent = transactions.execute(status -> dispatchBatch());
		}
		while (sent != null && sent > 0);
	}

	private int dispatchBatch() {
		List<Object[]> due = jdbc.sql("""
				select id, channel, recipient_sealed, recipient_masked, body, attempts from notify_message
				 where status = 'PENDING' and next_attempt_at <= :now
				 order by next_attempt_at limit 50 for update skip locked""")
			.param("now", Timestamp.from(clock.instant()))
			.query((row, number) -> new Object[] { row.getObject("id", UUID.class), row.getString("channel"),
					row.getString("recipient_sealed"), row.getString("recipient_masked"), row.getString("body"),
					row.getInt("attempts") })
			.list();
		for (Object[] message : due) {
			deliver(message);
		}
		return due.size();
	}

	private void deliver(Object[] message) {
		UUID id = (UUID) message[0];
		String channel = (String) message[1];
		int attempts = (Integer) message[5] + 1;
		String recipient;
		try {
			recipient = message[2] == null ? (String) message[3] : sealer.open((String) message[2], Outbox.PHONE);
		}
		catch (IllegalStateException unopenable) {
			// No later try would open it (altered, or sealed with a key the ring no longer holds): it fails now,
			// instead of failing its whole batch at every round and holding up every message behind it.
			jdbc.sql("""
					update notify_message set attempts = :attempts, status = 'FAILED',
					       last_error = 'the recipient cannot be opened' where id = :id""")
				.param("attempts", attempts)
				.param("id", id)
				.update();
			return;
		}
		try {
			sender.send(id, channel, recipient, (String) message[4]);
			jdbc.sql("update notify_message set status = 'SENT', attempts = :attempts, sent_at = :now where id = :id")
				.param("attempts", attempts)
				.param("now", Timestamp.from(clock.instant()))
				.param("id", id)
				.update();
		}
		catch (RuntimeException failed) {
			jdbc.sql("""
					update notify_message set attempts = :attempts, last_error = :error,
					       status = case when :attempts >= :max then 'FAILED' else 'PENDING' end,
					       next_attempt_at = :next where id = :id""")
				.param("attempts", attempts)
				.param("max", MAX_ATTEMPTS)
				.param("error", describe(failed))
				.param("next", Timestamp.from(clock.instant().plus(backOff(attempts))))
				.param("id", id)
				.update();
		}
	}

	/** The gateway's own words are kept; other exceptions only by their type, since a message might quote data. */
	private static String describe(RuntimeException failed) {
		String error = failed instanceof SmsGatewaySender.GatewayRefused ? String.valueOf(failed.getMessage())
				: failed.getClass().getSimpleName();
		return error.length() > 200 ? error.substring(0, 200) : error;
	}

	static Duration backOff(int attempts) {
		return switch (attempts) {
			case 1 -> Duration.ofMinutes(1);
			case 2 -> Duration.ofMinutes(5);
			case 3 -> Duration.ofMinutes(30);
			default -> Duration.ofHours(1);
		};
	}

}
