package org.jijinan.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes and key constraints of the schema set aside while a restore loads the rows and built again afterwards,
 * as {@code pg_restore} does: building an index once over loaded rows is far cheaper than keeping it up to date row by
 * row. Foreign keys go first and come back last, so every key they refer to exists again; keys and constraints are
 * checked as they come back, inside the restore's transaction.
 */
final class IndexesAside {

	private final List<String> rebuild;

	private IndexesAside(List<String> rebuild) {
		this.rebuild = rebuild;
	}

	/**
	 * Drops the foreign keys, the primary-key, unique and exclusion constraints and the other indexes of every table
	 * in the connection's schema (but the migrations' history), remembering how to build them again.
	 */
	static IndexesAside drop(Connection connection) throws SQLException {
		List<String[]> foreign = new ArrayList<>();
		List<String[]> keys = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("""
						select c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
						  from pg_constraint c join pg_class t on t.oid = c.conrelid
						  join pg_namespace n on n.oid = t.relnamespace
						 where n.nspname = current_schema() and c.contype in ('f', 'p', 'u', 'x')
						   and t.relname <> '%s'
						 order by c.conrelid::regclass::text, c.conname""".formatted(DatabaseCopy.SCHEMA_HISTORY))) {
			while (found.next()) {
				String[] constraint = { found.getString(1), found.getString(2), found.getString(4) };
				("f".equals(found.getString(3)) ? foreign : keys).add(constraint);
			}
		}
		List<String[]> indexes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("""
						select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
						  from pg_index i join pg_class t on t.oid = i.indrelid
						  join pg_namespace n on n.oid = t.relnamespace
						 where n.nspname = current_schema() and t.relname <> '%s'
						   and not exists (select 1 from pg_constraint c
						                    where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
						 order by 1""".formatted(DatabaseCopy.SCHEMA_HISTORY))) {
			while (found.next()) {
				indexes.add(new String[] { found.getString(1), found.getString(2) });
			}
		}
		List<String> rebuild = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String[] key : foreign) {
				statement.execute("alter table " + key[0] + " drop constraint " + DatabaseCopy.quote(key[1]));
			}
			for (String[] key : keys) {
				statement.execute("alter table " + key[0] + " drop constraint " + DatabaseCopy.quote(key[1]));
			}
			for (String[] index : indexes) {
				statement.execute("drop index " + index[0]);
				rebuild.add(index[1]);
			}
		}
		for (String[] key : keys) {
			rebuild.add("alter table " + key[0] + " add constraint " + DatabaseCopy.quote(key[1]) + " " + key[2]);
		}
		for (String[] key : foreign) {
			rebuild.add("alter table " + key[0] + " add constraint " + DatabaseCopy.quote(key[1]) + " " + key[2]);
		}
		return new IndexesAside(rebuild);
	}

	/**
	 * Builds everything {@link #drop} set aside, checking every key and constraint against the loaded rows.
	 */
	void rebuild(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local maintenance_work_mem = '256MB'");
			for (String sql : rebuild) {
				statement.execute(sql);
			}
		}
	}

	int count() {
		return rebuild.size();
	}

}
