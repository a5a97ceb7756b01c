package org.jijinan.shared;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A large batch of keys that one query joins against a big table (a department's file matched to the registry, the
 * households of a hundred thousand signals): written with {@code COPY} into a temporary table of the caller's
 * transaction, dropped when it ends, and analysed so that the planner knows its size; the transaction's working memory
 * is raised to {@value #WORK_MEM} so that the keys' hash fits in it (at PostgreSQL's default of 4 MB, matching 100,000
 * keys against a million persons spilled to disk and took three times as long). An {@code IN} list takes a query per
 * thousand keys; an array parameter leaves the planner guessing its length and it chose nested loops over the whole
 * table.
 */
public final class KeyTable {

	private static final String WORK_MEM = "64MB";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{2,40}");

	private KeyTable() {
	}

	/**
	 * Fills the temporary table {@code name (key <type>)} with the keys, replacing what an earlier call in the same
	 * transaction left in it.
	 * @param type {@code uuid} or {@code text}
	 * @return the table's name, to join on its column {@code key}
	 */
	public static String of(String name, String type, Set<?> keys, JdbcClient jdbc, DataSource dataSource) {
		if (!NAME.matcher(name).matches() || !Set.of("uuid", "text").contains(type)) {
			throw new IllegalArgumentException("key table " + name + " (" + type + ")");
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a key table lives in a transaction");
		}
		jdbc.sql("drop table if exists pg_temp." + name).update();
		jdbc.sql("create temporary table " + name + " (key " + type + " not null) on commit drop").update();
		CopyRows rows = new CopyRows(keys.size());
		keys.forEach(rows::row);
		if (!rows.isEmpty()) {
			try {
				rows.copyIn(dataSource, "copy " + name + " (key) from stdin");
			}
			catch (SQLException refused) {
				throw new UncategorizedSQLException("COPY of keys", null, refused);
			}
		}
		jdbc.sql("analyze " + name).update();
		jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
		return name;
	}

}
