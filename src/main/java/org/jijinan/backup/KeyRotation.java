package org.jijinan.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jijinan.shared.KeyRing;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.SealedColumns.Column;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the master key of an embedded installation and seals every older value again with the new key, in the
 * background, batch by batch, while the platform keeps working; then lets an administrator retire the older keys, of
 * which the ring keeps only what old audit records and look-up hashes need. An installation whose keys come from the
 * environment rotates them there (a new {@code JIJINAN_KEYS_RING} entry and a restart); on start the platform notices
 * the new key, records the rotation and seals older values again in the same way.
 */
@Component
public class KeyRotation {

	static final String ENVIRONMENT = "environment";

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	/** At most this many passes over every column. */
	private static final int PASSES = 5;

	/** How long a pass waits for transactions that sealed with the older key to commit. */
	private static final Duration SETTLE = Duration.ofSeconds(1);

	/** The advisory lock of the re-sealing ("keys" in ASCII). */
	private static final long LOCK = 0x6b657973L;

	private final KeyRing keys;

	private final Resealing resealing;

	private final JdbcTemplate template;

	private final List<SealedColumns> owners;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final TaskExecutor executor;

	private final Clock clock;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	KeyRotation(KeyRing keys, Sealer sealer, List<SealedColumns> owners, JdbcClient jdbc, JdbcTemplate template,
			TransactionTemplate transactions, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.keys = keys;
		this.resealing = new Resealing(template, sealer);
		this.template = template;
		this.owners = owners;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * After a start with more than one master key (an interrupted re-sealing, or a key added in the environment):
	 * records a rotation nobody recorded and seals what is left in the background.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		if (keys.keys().masters().size() < 2) {
			return;
		}
		int current = keys.current();
		transactions.executeWithoutResult(status -> record(current, ENVIRONMENT));
		start(ENVIRONMENT);
	}

	/**
	 * @return where the keys stand now
	 */
	public KeyState state() {
		int current = keys.current();
		List<Integer> older = keys.keys().masters().keySet().stream().filter(number -> number != current).toList();
		Rotation last = rotation(current);
		boolean resealed = last != null && last.resealedAt() != null && last.unreadable() == 0;
		return new KeyState(current, keys.rotatable(), older, running.get(), total.get(), done.get(), last,
				!running.get() && !older.isEmpty() && resealed && keys.rotatable());
	}

	/**
	 * Makes a new master key the one that seals, and seals every older value again with it in the background.
	 * @param by who asked
	 * @throws RuleViolation {@code keys.from-environment} when the keys come from the environment,
	 * {@code keys.resealing} while values are still being sealed again, {@code keys.retire-first} while an older key
	 * is still held (one rotation at a time)
	 */
	public synchronized void rotate(String by) {
		if (!keys.rotatable()) {
			throw new RuleViolation("keys.from-environment");
		}
		if (running.get()) {
			throw new RuleViolation("keys.resealing");
		}
		if (keys.keys().masters().size() > 1) {
			throw new RuleViolation("keys.retire-first");
		}
		int number = keys.rotate();
		transactions.executeWithoutResult(status -> record(number, by));
		start(by);
	}

	/**
	 * Retires every master key but the current one, once nothing is sealed with them any more.
	 * @param by who asked
	 * @throws RuleViolation {@code keys.from-environment}, {@code keys.resealing}, {@code keys.nothing-to-retire}
	 * when only the current key is held, or {@code keys.not-resealed} when a value sealed with an older key is left
	 */
	public synchronized void retire(String by) {
		if (!keys.rotatable()) {
			throw new RuleViolation("keys.from-environment");
		}
		if (running.get()) {
			throw new RuleViolation("keys.resealing");
		}
		int current = keys.current();
		List<Integer> older = keys.keys().masters().keySet().stream().filter(number -> number != current).toList();
		if (older.isEmpty()) {
			throw new RuleViolation("keys.nothing-to-retire");
		}
		long left = remaining(current);
		if (left > 0) {
			start(by);
			throw new RuleViolation("keys.not-resealed", left);
		}
		older.forEach(keys::retire);
		transactions.executeWithoutResult(status -> {
			jdbc.sql("update backup_key_rotation set retired_at = ?, retired_by = ? where key_number = ?")
				.params(Timestamp.from(clock.instant()), by, current)
				.update();
			events.publishEvent(new KeyCustodyEvent(KeyCustodyEvent.RETIRED, current, by,
					Map.of("retired", older.toString())));
		});
	}

	private void start(String by) {
		if (!running.compareAndSet(false, true)) {
			return;
		}
		done.set(0);
		total.set(0);
		executor.execute(() -> {
			try {
				reseal(by);
			}
			catch (RuntimeException failed) {
				log.error("Sealing values again with the current key stopped; it resumes on the next start", failed);
			}
			finally {
				running.set(false);
			}
		});
	}

	/**
	 * Seals again on one node at a time: the nodes of a cluster all resume on start, and the first to take the
	 * advisory lock does the work (holding it on a connection of its own until done, so a node that dies frees it).
	 */
	private void reseal(String by) {
		template.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, LOCK);
				try (ResultSet taken = lock.executeQuery()) {
					if (!taken.next() || !taken.getBoolean(1)) {
						log.info("Another node is sealing values again with the current key");
						return null;
					}
				}
			}
			try {
				resealEverything(by);
			}
			finally {
				try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
					unlock.setLong(1, LOCK);
					unlock.execute();
				}
			}
			return null;
		});
	}

	/**
	 * Passes over every column until nothing older is left but what no key opens. A transaction that sealed a value
	 * just before the rotation may commit after the walk passed its row; a pass after a pause catches it.
	 */
	private void resealEverything(String by) {
		int current = keys.current();
		total.set(remaining(current));
		long left;
		long unreadable;
		int pass = 0;
		do {
			unreadable = 0;
			for (SealedColumns owner : owners) {
				for (Column column : owner.sealedColumns()) {
					unreadable += resealing.reseal(column, current, done::addAndGet);
				}
			}
			pause();
			left = remaining(current);
		}
		while (left > unreadable && ++pass < PASSES);
		long resealed = done.get();
		long failed = left;
		transactions.executeWithoutResult(status -> {
			jdbc.sql("update backup_key_rotation set resealed_at = ?, resealed = ?, unreadable = ? where key_number = ?")
				.params(Timestamp.from(clock.instant()), resealed, failed, current)
				.update();
			events.publishEvent(new KeyCustodyEvent(KeyCustodyEvent.RESEALED, current, by,
					Map.of("resealed", Long.toString(resealed), "unreadable", Long.toString(failed))));
		});
		log.info("Sealed {} values again with master key {} ({} could not be opened)", resealed, current, failed);
	}

	private static void pause() {
		try {
			Thread.sleep(SETTLE.toMillis());
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
	}

	private long remaining(int current) {
		long left = 0;
		for (SealedColumns owner : owners) {
			for (Column column : owner.sealedColumns()) {
				left += resealing.remaining(column, current);
			}
		}
		return left;
	}

	/** Records the rotation once, however many nodes notice it at the same start. */
	private void record(int number, String by) {
		int inserted = jdbc.sql("insert into backup_key_rotation (key_number, rotated_at, rotated_by) values (?, ?, ?) "
				+ "on conflict (key_number) do nothing")
			.params(number, Timestamp.from(clock.instant()), by)
			.update();
		if (inserted == 1) {
			events.publishEvent(new KeyCustodyEvent(KeyCustodyEvent.ROTATED, number, by, Map.of()));
		}
	}

	private @Nullable Rotation rotation(int number) {
		return jdbc.sql("select rotated_at, rotated_by, resealed_at, resealed, unreadable, retired_at from "
				+ "backup_key_rotation where key_number = ?")
			.param(number)
			.query((row, n) -> new Rotation(row.getTimestamp(1).toInstant(), row.getString(2),
					row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getLong(4),
					row.getLong(5), row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()))
			.optional()
			.orElse(null);
	}

	/**
	 * The latest rotation.
	 */
	public record Rotation(Instant rotatedAt, String rotatedBy, @Nullable Instant resealedAt, long resealed,
			long unreadable, @Nullable Instant retiredAt) {
	}

	/**
	 * Where the keys stand.
	 *
	 * @param current the number of the key that seals
	 * @param rotatable whether this installation rotates its own keys
	 * @param older older master keys still held
	 * @param running whether values are being sealed again now
	 * @param total how many values were sealed with older keys when the re-sealing began
	 * @param done how many of them are sealed again
	 * @param last the rotation that made the current key, if any
	 * @param retirable whether the older keys can be retired now
	 */
	public record KeyState(int current, boolean rotatable, List<Integer> older, boolean running, long total, long done,
			@Nullable Rotation last, boolean retirable) {

		/**
		 * @return how far the re-sealing is, 0 to 100
		 */
		public int percent() {
			return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}

	}

}
