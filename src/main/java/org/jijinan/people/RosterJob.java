package org.jijinan.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jijinan.region.RegionDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a roster import in the background: claims it with a lease (so one node works on it at a time and a crashed
 * node's import is taken over when the lease runs out), inspects the whole file before storing anything (headers,
 * row count, formulas, macros — a refused file imports nothing), then checks and stores the rows batch by batch
 * from the last checkpoint.
 */
@Component
class RosterJob {

	static final Duration LEASE = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(RosterJob.class);

	private final JdbcClient jdbc;

	private final RosterBatches batches;

	private final PersonalData data;

	private final RegionDirectory regions;

	private final PeopleSettings settings;

	private final Clock clock;

	private final TaskExecutor executor;

	private final ApplicationEventPublisher events;

	private final RosterCompletion completion;

	RosterJob(JdbcClient jdbc, RosterBatches batches, PersonalData data, RegionDirectory regions,
			PeopleSettings settings, Clock clock, @Qualifier(RosterExecutor.NAME) TaskExecutor executor,
			ApplicationEventPublisher events, RosterCompletion completion) {
		this.completion = completion;
		this.jdbc = jdbc;
		this.batches = batches;
		this.data = data;
		this.regions = regions;
		this.settings = settings;
		this.clock = clock;
		this.executor = executor;
		this.events = events;
	}

	void start(UUID importId) {
		executor.execute(() -> run(importId, Integer.MAX_VALUE));
	}

	/**
	 * Works on an import; stops after {@code maxBatches} batches (an interrupted run, as after a crash).
	 */
	void run(UUID importId, int maxBatches) {
		Optional<Claim> claim = claim(importId);
		if (claim.isEmpty()) {
			return;
		}
		try {
			RosterRun run = run(claim.get());
			RosterColumns columns = inspect(importId, claim.get().file(), run);
			if (process(claim.get(), run, columns, maxBatches)) {
				completion.complete(run, LocalDate.now(clock));
			}
		}
		catch (RosterRejected rejected) {
			reject(importId, rejected.code());
		}
		catch (RuntimeException failed) {
			log.error("Roster import {} stopped; it resumes from its last checkpoint when its lease runs out", importId,
					failed);
		}
	}

	/**
	 * Takes up imports that nobody is working on: new ones, and those whose worker stopped (lease expired).
	 */
	void resumeAbandoned() {
		jdbc.sql("""
				select id from people_roster_import
				 where status = 'RECEIVED' or (status = 'RUNNING' and lease_until < :now)""")
			.param("now", Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list()
			.forEach(this::start);
	}

	private Optional<Claim> claim(UUID importId) {
		return jdbc.sql("""
				update people_roster_import
				   set status = 'RUNNING', lease_until = :lease
				 where id = :id and (status = 'RECEIVED' or (status = 'RUNNING' and lease_until < :now))
				returning id, format, file_sha256, category_code, source, scope_path, rows_done, created_at""")
			.param("lease", Timestamp.from(clock.instant().plus(LEASE)))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", importId)
			.query((row, number) -> new Claim(importId, new RosterFile(stored(importId, row.getString("format")),
					row.getString("format"), row.getString("file_sha256")), row.getString("category_code"),
					row.getString("source"), row.getString("scope_path"), row.getInt("rows_done"),
					row.getTimestamp("created_at").toInstant().atZone(clock.getZone()).toLocalDate()))
			.optional();
	}

	private RosterRun run(Claim claim) {
		var category = claim.category() == null ? null : jdbc.sql("select graded, subject from people_category where code = :c")
			.param("c", claim.category())
			.query((row, number) -> new boolean[] { row.getBoolean(1), "HOUSEHOLD".equals(row.getString(2)) })
			.single();
		return new RosterRun(claim.importId(), claim.category(), category != null && category[0],
				category != null && category[1], claim.source(), claim.uploadedOn(), claim.scopePath());
	}

	private RosterColumns inspect(UUID importId, RosterFile file, RosterRun run) {
		var header = new ArrayList<List<String>>(1);
		int[] rows = { 0 };
		file.read(settings.importMaxRows(), (rowNumber, cells) -> {
			if (header.isEmpty()) {
				header.add(cells);
			}
			rows[0] = rowNumber;
		});
		if (header.isEmpty() || rows[0] < 2) {
			throw new RosterRejected("people.roster-empty");
		}
		RosterColumns columns = RosterColumns.of(header.get(0));
		if (run.household() && !(columns.has(RosterColumns.Field.HEAD_ID_NUMBER)
				&& columns.has(RosterColumns.Field.RELATIONSHIP))) {
			throw new RosterRejected("people.roster-household-columns");
		}
		jdbc.sql("update people_roster_import set rows_total = :total where id = :id")
			.param("total", rows[0] - 1)
			.param("id", importId)
			.update();
		return columns;
	}

	/**
	 * @return whether the whole file was processed
	 */
	private boolean process(Claim claim, RosterRun run, RosterColumns columns, int maxBatches) {
		var check = new RosterRowCheck(columns, claim.scopePath(), run.graded(), run.household(), LocalDate.now(clock),
				data, regions);
		try (var buffer = new Buffer(run, settings.importBatchSize(), maxBatches)) {
			try {
				claim.file().read(settings.importMaxRows(), (rowNumber, cells) -> {
					if (rowNumber > 1 && rowNumber > claim.rowsDone()) {
						buffer.add(check.check(rowNumber, cells));
					}
				});
			}
			catch (Interrupted stopped) {
				return false;
			}
			buffer.flush();
			buffer.awaitInFlight();
			return true;
		}
	}

	private void reject(UUID importId, String code) {
		jdbc.sql("""
				update people_roster_import set status = 'REJECTED', rejection = :code, finished_at = :now,
				       lease_until = null where id = :id""")
			.param("code", code)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", importId)
			.update();
		events.publishEvent(new RosterImported(importId, "REJECTED", code));
	}

	Path stored(UUID importId, String format) {
		return settings.importDirectory().resolve(importId + ("XLSX".equals(format) ? ".xlsx" : ".csv"));
	}

	boolean fileExists(UUID importId, String format) {
		return Files.exists(stored(importId, format));
	}

	private record Claim(UUID importId, RosterFile file, @Nullable String category, String source, String scopePath,
			int rowsDone, LocalDate uploadedOn) {
	}

	/** Thrown through the reader to stop an interrupted run. */
	private static final class Interrupted extends RuntimeException {

		Interrupted() {
			super(null, null, false, false);
		}

	}

	/**
	 * Collects checked rows and stores them a batch at a time. Storing runs on a second thread while the next batch
	 * is read, checked and sealed, so the file work and the database work overlap; at most one batch is in flight
	 * and batches are stored in file order.
	 */
	private final class Buffer implements AutoCloseable {

		private final RosterRun run;

		private final int size;

		private int batchesLeft;

		private List<RosterLine> lines = new ArrayList<>();

		private List<RosterRowCheck.Checked> problems = new ArrayList<>();

		private int lastRow;

		private final ExecutorService storer = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "roster-store");
			thread.setDaemon(true);
			return thread;
		});

		private @Nullable Future<?> inFlight;

		Buffer(RosterRun run, int size, int maxBatches) {
			this.run = run;
			this.size = size;
			this.batchesLeft = maxBatches;
		}

		void add(RosterRowCheck.Checked checked) {
			if (checked.line() != null) {
				lines.add(checked.line());
			}
			else {
				problems.add(checked);
			}
			lastRow = checked.rowNumber();
			if (lines.size() + problems.size() >= size) {
				flush();
				if (--batchesLeft <= 0) {
					awaitInFlight();
					throw new Interrupted();
				}
			}
		}

		void flush() {
			if (lines.isEmpty() && problems.isEmpty()) {
				return;
			}
			awaitInFlight();
			List<RosterLine> batch = lines;
			List<RosterRowCheck.Checked> refused = problems;
			int last = lastRow;
			lines = new ArrayList<>();
			problems = new ArrayList<>();
			inFlight = storer.submit(() -> {
				batches.store(run, batch, refused, last);
				jdbc.sql("update people_roster_import set lease_until = :lease where id = :id")
					.param("lease", Timestamp.from(clock.instant().plus(LEASE)))
					.param("id", run.importId())
					.update();
			});
		}

		void awaitInFlight() {
			if (inFlight == null) {
				return;
			}
			try {
				inFlight.get();
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Roster import interrupted", stopped);
			}
			catch (ExecutionException failed) {
				throw failed.getCause() instanceof RuntimeException runtime ? runtime
						: new IllegalStateException(failed.getCause());
			}
			finally {
				inFlight = null;
			}
		}

		@Override
		public void close() {
			storer.shutdownNow();
		}

	}

}
