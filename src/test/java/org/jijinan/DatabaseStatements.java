package org.jijinan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Where the database's time goes during a benchmark's phase, by statement, from PostgreSQL's
 * {@code pg_stat_statements} — when the embedded server was started with it
 * ({@code -Djijinan.database.embedded.preload-libraries=pg_stat_statements}, which the benchmark scripts pass with
 * {@code STATEMENTS=1}); otherwise nothing is done. Read as the server's superuser: the platform's role may not.
 */
public final class DatabaseStatements {

	private DatabaseStatements() {
	}

	/** Forgets what was counted so far, so that the next {@link #print} covers one phase. */
	public static void reset(EmbeddedPostgres postgres) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (loaded(statement)) {
				statement.execute("create extension if not exists pg_stat_statements");
				statement.execute("select pg_stat_statements_reset()");
			}
		}
	}

	/**
	 * Prints the statements that took the most time since {@link #reset}, with their calls and time per operation.
	 * @param prefix what the benchmark's lines start with
	 * @param operations the operations the phase made
	 */
	public static void print(EmbeddedPostgres postgres, String prefix, String phase, long operations)
			throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!loaded(statement)) {
				return;
			}
			try (ResultSet row = statement.executeQuery("""
					select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
					  from pg_stat_statements order by total_exec_time desc limit 15""")) {
				while (row.next()) {
					System.out.printf("%s SQL %s: %.2f calls, %.3f ms per operation | %s%n", prefix, phase,
							row.getLong(1) / (double) operations, row.getDouble(2) / operations, row.getString(3));
				}
			}
		}
	}

	private static boolean loaded(Statement statement) throws Exception {
		try (ResultSet row = statement.executeQuery("select current_setting('shared_preload_libraries')")) {
			return row.next() && row.getString(1).contains("pg_stat_statements");
		}
	}

}
