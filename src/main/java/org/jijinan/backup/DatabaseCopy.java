package org.jijinan.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.jijinan.backup.Manifest.Part;
import org.jijinan.backup.Manifest.SequenceValue;
import org.jijinan.backup.Manifest.TableContent;
import org.jijinan.shared.Digests;

/**
 * The database's rows, read and written with PostgreSQL's own COPY in its binary format, the way {@code pg_dump}
 * copies data: every table is read inside one read-only REPEATABLE READ transaction, so all of them show the same
 * instant while the platform keeps writing; a restore loads every table in one transaction, with triggers off as for
 * a replica and the indexes and keys built after the rows ({@link IndexesAside}), so it lands whole or not at all.
 */
final class DatabaseCopy {

	static final String SCHEMA_HISTORY = "flyway_schema_history";

	private DatabaseCopy() {
	}

	/**
	 * What a snapshot read.
	 */
	record Snapshot(String schemaVersion, String server, List<TableContent> tables, List<SequenceValue> sequences,
			List<Part> parts) {
	}

	/**
	 * Copies every table and sequence of the connection's schema into {@code database/} under the backup folder.
	 */
	static Snapshot dump(Connection connection, Path root, Consumer<String> progress) throws SQLException, IOException {
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		try {
			String version = schemaVersion(connection);
			String server = connection.getMetaData().getDatabaseProductVersion();
			List<String> names = tables(connection);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<TableContent> tables = new ArrayList<>();
			List<Part> parts = new ArrayList<>();
			int done = 0;
			for (String table : names) {
				List<String> columns = columns(connection, table);
				String path = "database/" + table + ".copy.gz";
				MessageDigest rowsSha = Digests.sha256Digest();
				Parts.Writing file = new Parts.Writing(root, path);
				long rows;
				try (file; OutputStream out = new DigestOutputStream(new GZIPOutputStream(file, 1 << 16) {
					{
						def.setLevel(Deflater.BEST_SPEED);
					}
				}, rowsSha)) {
					rows = copy.copyOut("COPY " + quote(table) + " (" + columnList(columns) + ") TO STDOUT (FORMAT binary)",
							out);
				}
				tables.add(new TableContent(table, columns, rows, HexFormat.of().formatHex(rowsSha.digest()), path));
				parts.add(file.part());
				progress.accept("database " + (++done) + "/" + names.size() + " " + table + ": " + rows + " rows");
			}
			List<SequenceValue> sequences = sequences(connection);
			return new Snapshot(version, server, tables, sequences, parts);
		}
		finally {
			connection.rollback();
			connection.setReadOnly(false);
		}
	}

	/**
	 * Checks before anything is written that the connection may load rows as a replica does.
	 * @throws BackupRefused when it may not
	 */
	static void checkMayLoad(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local session_replication_role = replica");
		}
		catch (SQLException refused) {
			throw new BackupRefused("The database role used for the restore may not switch off triggers and "
					+ "foreign-key checks while loading (session_replication_role): restore as the database's "
					+ "superuser, or grant it with GRANT SET ON PARAMETER session_replication_role TO <role>", refused);
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	/**
	 * @return whether the connection's schema holds no table yet
	 */
	static boolean empty(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("select count(*) from pg_class c join pg_namespace n "
						+ "on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in ('r', 'p')")) {
			found.next();
			return found.getLong(1) == 0;
		}
	}

	/**
	 * Replaces the rows of every table (the schema already built up to the backup's version, including whatever rows
	 * its migrations seed) with the backup's, and sets every sequence, in one transaction.
	 */
	static void load(Connection connection, Path root, Manifest manifest, Consumer<String> progress)
			throws SQLException, IOException {
		connection.setAutoCommit(false);
		try {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local session_replication_role = replica");
			}
			List<String> present = tables(connection);
			List<String> expected = manifest.tables().stream().map(TableContent::table).toList();
			if (!present.equals(expected)) {
				throw new BackupRefused("The schema this release builds for version " + manifest.schemaVersion()
						+ " has other tables than the backup: " + difference(present, expected));
			}
			if (!present.isEmpty()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("truncate " + String.join(", ", present.stream().map(DatabaseCopy::quote).toList()));
				}
			}
			IndexesAside indexes = IndexesAside.drop(connection);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			int done = 0;
			for (TableContent table : manifest.tables()) {
				if (!columns(connection, table.table()).containsAll(table.columns())) {
					throw new BackupRefused("Table " + table.table() + " lacks columns the backup holds");
				}
				long rows;
				try (InputStream file = Files.newInputStream(Parts.resolve(root, table.part()));
						InputStream in = new GZIPInputStream(file, 1 << 16)) {
					rows = copy.copyIn("COPY " + quote(table.table()) + " (" + columnList(table.columns())
							+ ") FROM STDIN (FORMAT binary)", in);
				}
				if (rows != table.rows()) {
					throw new BackupRefused("Table " + table.table() + " loaded " + rows + " rows, the manifest says "
							+ table.rows());
				}
				progress.accept("database " + (++done) + "/" + manifest.tables().size() + " " + table.table() + ": "
						+ rows + " rows");
			}
			progress.accept("building " + indexes.count() + " indexes and keys");
			indexes.rebuild(connection);
			for (SequenceValue sequence : manifest.sequences()) {
				try (PreparedStatement set = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
					set.setString(1, quote(sequence.sequence()));
					set.setLong(2, sequence.lastValue());
					set.setBoolean(3, sequence.called());
					set.execute();
				}
			}
			connection.commit();
		}
		catch (SQLException | IOException | RuntimeException failed) {
			connection.rollback();
			throw failed;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/**
	 * @return the rows in each table now, by name
	 */
	static java.util.Map<String, Long> counts(Connection connection) throws SQLException {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String table : tables(connection)) {
			try (Statement statement = connection.createStatement();
					ResultSet count = statement.executeQuery("select count(*) from " + quote(table))) {
				count.next();
				counts.put(table, count.getLong(1));
			}
		}
		return counts;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("select version from " + SCHEMA_HISTORY
						+ " where success and version is not null order by installed_rank desc limit 1")) {
			if (!version.next()) {
				throw new BackupRefused("The database has no migrated schema: nothing to back up");
			}
			return version.getString(1);
		}
		catch (SQLException noHistory) {
			if ("42P01".equals(noHistory.getSQLState())) {
				throw new BackupRefused("The database has no migrated schema: nothing to back up");
			}
			throw noHistory;
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select c.relname from pg_class c "
				+ "join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() "
				+ "and c.relkind = 'r' and c.relname <> ? order by c.relname collate \"C\"")) {
			query.setString(1, SCHEMA_HISTORY);
			try (ResultSet found = query.executeQuery()) {
				while (found.next()) {
					tables.add(found.getString(1));
				}
			}
		}
		return tables;
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select attname from pg_attribute "
				+ "where attrelid = ?::regclass and attnum > 0 and not attisdropped and attgenerated = '' "
				+ "order by attnum")) {
			query.setString(1, quote(table));
			try (ResultSet found = query.executeQuery()) {
				while (found.next()) {
					columns.add(found.getString(1));
				}
			}
		}
		return columns;
	}

	private static List<SequenceValue> sequences(Connection connection) throws SQLException {
		List<SequenceValue> sequences = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("select sequencename, last_value, start_value "
						+ "from pg_sequences where schemaname = current_schema() "
						+ "order by sequencename collate \"C\"")) {
			while (found.next()) {
				long last = found.getLong(2);
				boolean called = !found.wasNull();
				sequences.add(new SequenceValue(found.getString(1), called ? last : found.getLong(3), called));
			}
		}
		return sequences;
	}

	private static String difference(List<String> present, List<String> expected) {
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(present);
		List<String> extra = new ArrayList<>(present);
		extra.removeAll(expected);
		return "missing " + missing + ", not in the backup " + extra;
	}

	private static String columnList(List<String> columns) {
		return String.join(", ", columns.stream().map(DatabaseCopy::quote).toList());
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
