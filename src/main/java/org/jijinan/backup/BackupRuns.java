package org.jijinan.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every backup the platform took, kept with its audit record in one transaction.
 */
@Component
class BackupRuns {

	private static final String SELECT = "select started_at, finished_at, succeeded, folder, bytes, row_count, reason, "
			+ "started_by from backup_run ";

	private static final RowMapper<Run> RUN = (row, number) -> new Run(row.getTimestamp(1).toInstant(),
			row.getTimestamp(2).toInstant(), row.getBoolean(3), row.getString(4), row.getLong(5), row.getLong(6),
			row.getString(7), row.getString(8));

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	BackupRuns(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	void succeeded(Instant started, Instant finished, String folder, Manifest manifest, String by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into backup_run (id, started_at, finished_at, succeeded, folder, bytes, row_count, started_by) "
				+ "values (?, ?, ?, true, ?, ?, ?, ?)")
			.params(id, java.sql.Timestamp.from(started), java.sql.Timestamp.from(finished), folder, manifest.bytes(),
					manifest.rows(), by)
			.update();
		events.publishEvent(new BackupEnded(id, true, folder, manifest.bytes(), manifest.rows(), null, by));
	}

	@Transactional
	void failed(Instant started, Instant finished, @Nullable String folder, String reason, String by) {
		UUID id = UUID.randomUUID();
		String kept = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
		jdbc.sql("insert into backup_run (id, started_at, finished_at, succeeded, folder, reason, started_by) "
				+ "values (?, ?, ?, false, ?, ?, ?)")
			.params(id, java.sql.Timestamp.from(started), java.sql.Timestamp.from(finished), folder, kept, by)
			.update();
		events.publishEvent(new BackupEnded(id, false, folder, 0, 0, kept, by));
	}

	/**
	 * @return the latest runs, newest first
	 */
	List<Run> latest(int count) {
		return jdbc.sql(SELECT + "order by finished_at desc limit ?").param(count).query(RUN).list();
	}

	Optional<Run> lastSuccess() {
		return jdbc.sql(SELECT + "where succeeded order by finished_at desc limit 1").query(RUN).optional();
	}

	/**
	 * One backup run.
	 */
	record Run(Instant started, Instant finished, boolean succeeded, @Nullable String folder, long bytes, long rows,
			@Nullable String reason, String by) {
	}

}
