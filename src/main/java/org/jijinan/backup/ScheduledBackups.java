package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded installation's own backups, once a passphrase is set: on the schedule (daily by default) and when an
 * administrator asks, one at a time, each into a new folder under the backup folder, each recorded and audited, the oldest beyond the retention
 * count removed after a new one succeeded. An external database is backed up with the database's own tools and the
 * {@code backup} command (see docs/backup.md), so nothing is scheduled for it here.
 */
@Component
public class ScheduledBackups {

	static final String SCHEDULER = "schedule";

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private static final Pattern NAME = Pattern.compile("jijinan-\\d{8}-\\d{6}-\\d{3}");

	private static final Pattern TABLE_DONE = Pattern.compile("database (\\d+)/(\\d+) ");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final BackupSettings settings;

	private final BackupRuns runs;

	private final ObjectProvider<DataSource> owner;

	private final KeyRing keys;

	private final Environment environment;

	private final DeploymentMode mode;

	private final TaskExecutor executor;

	private final Clock clock;

	private final Instant startedAt;

	private final AtomicBoolean running = new AtomicBoolean();

	/** How far the running backup is, 0 to 100: the tables take the first nine tenths, the folders the rest. */
	private final AtomicInteger percent = new AtomicInteger();

	ScheduledBackups(BackupSettings settings, BackupRuns runs, @FlywayDataSource ObjectProvider<DataSource> owner,
			KeyRing keys, Environment environment, DeploymentMode mode,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.settings = settings;
		this.runs = runs;
		this.owner = owner;
		this.keys = keys;
		this.environment = environment;
		this.mode = mode;
		this.executor = executor;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	@Scheduled(cron = "${jijinan.backup.schedule:0 30 2 * * *}")
	void onSchedule() {
		if (mode.embeddedDatabase() && settings.configured()) {
			take(SCHEDULER);
		}
	}

	/**
	 * Starts a backup in the background, for an administrator.
	 * @throws RuleViolation {@code backup.running} when one is under way, {@code backup.not-embedded} on an external
	 * database, {@code backup.not-configured} without a passphrase
	 */
	public void startNow(String by) {
		if (!mode.embeddedDatabase()) {
			throw new RuleViolation("backup.not-embedded");
		}
		if (!settings.configured()) {
			throw new RuleViolation("backup.not-configured");
		}
		if (running.get()) {
			throw new RuleViolation("backup.running");
		}
		executor.execute(() -> take(by));
	}

	/**
	 * Takes a backup now, in the caller's thread; a failure is recorded, audited and logged, never thrown.
	 * @return whether it succeeded
	 */
	boolean take(String by) {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		percent.set(0);
		Instant started = clock.instant();
		String name = "jijinan-" + STAMP.format(started.atZone(ZoneId.systemDefault()));
		try {
			if (!settings.configured()) {
				throw new BackupRefused("No backup passphrase is set (JIJINAN_BACKUP_PASSPHRASE)");
			}
			Path to = settings.folder().resolve(name);
			Manifest manifest = Backups.take(new Backups.Source(database(), keys.keys().portable(),
					BackupFolders.of(environment)), to, settings.passphrase().toCharArray(), this::advance);
			percent.set(100);
			runs.succeeded(started, clock.instant(), name, manifest, by);
			log.info("Backup {} written: {} rows, {} bytes", name, manifest.rows(), manifest.bytes());
			prune();
			return true;
		}
		catch (RuntimeException failed) {
			log.error("Backup {} failed: {}", name, failed.getMessage());
			runs.failed(started, clock.instant(), settings.configured() ? name : null,
					String.valueOf(failed.getMessage()), by);
			return false;
		}
		finally {
			running.set(false);
		}
	}

	private void advance(String step) {
		Matcher table = TABLE_DONE.matcher(step);
		if (table.lookingAt()) {
			percent.set(Integer.parseInt(table.group(1)) * 90 / Math.max(1, Integer.parseInt(table.group(2))));
		}
		else if (step.startsWith("files ")) {
			percent.set(95);
		}
	}

	/**
	 * @return how backups stand now
	 */
	public BackupState state() {
		List<BackupRuns.Run> latest = runs.latest(1);
		var lastSuccess = runs.lastSuccess();
		boolean failed = !latest.isEmpty() && !latest.get(0).succeeded();
		Instant since = lastSuccess.map(BackupRuns.Run::finished).orElse(startedAt);
		boolean overdue = mode.embeddedDatabase() && settings.configured()
				&& since.plus(settings.overdueAfter()).isBefore(clock.instant());
		return new BackupState(mode.embeddedDatabase(), settings.configured(), running.get(), percent.get(), failed,
				overdue,
				lastSuccess.map(BackupRuns.Run::finished).orElse(null),
				failed ? latest.get(0).reason() : null);
	}

	List<BackupRuns.Run> history() {
		return runs.latest(30);
	}

	BackupSettings settings() {
		return settings;
	}

	private DataSource database() {
		DataSource database = owner.getIfAvailable();
		if (database == null) {
			throw new BackupRefused("No database connection that may read every table");
		}
		return database;
	}

	private void prune() {
		try (Stream<Path> entries = Files.list(settings.folder())) {
			List<Path> kept = entries.filter(path -> NAME.matcher(path.getFileName().toString()).matches())
				.filter(path -> Files.exists(path.resolve(Manifest.FILE_NAME)))
				.sorted(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed())
				.toList();
			for (Path old : kept.subList(Math.min(settings.retention(), kept.size()), kept.size())) {
				BackupFolders.delete(old);
				log.info("Removed the backup {} beyond the {} kept", old.getFileName(), settings.retention());
			}
		}
		catch (IOException | RuntimeException failed) {
			log.warn("Old backups could not be removed: {}", failed.getMessage());
		}
	}

}
