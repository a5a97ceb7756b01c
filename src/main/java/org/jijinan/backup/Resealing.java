package org.jijinan.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

import org.jijinan.shared.SealedColumns.Column;
import org.jijinan.shared.Sealer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seals the values of one column again with the current key: walks the table's pages in order, a few at a time
 * (PostgreSQL reads just those pages by their row addresses), each step one statement that updates the rows whose
 * value is still the one read, so a row changed meanwhile keeps its new value. Rows written again land at new addresses already
 * sealed with the current key, so the walk ends when it reaches pages holding nothing older. A value no key of the
 * ring opens is counted and left as it is.
 */
final class Resealing {

	/**
	 * Pages per step: about 3,000 values of a persons table, one statement and one commit, which is what a step
	 * costs (bench/key-rotation.sh).
	 */
	static final int PAGES = 64;

	private final JdbcTemplate jdbc;

	private final BiFunction<String, String, String> again;

	Resealing(JdbcTemplate jdbc, Sealer sealer) {
		this(jdbc, sealer::reseal);
	}

	/**
	 * @param again what a value becomes, given the value and its purpose
	 */
	Resealing(JdbcTemplate jdbc, BiFunction<String, String, String> again) {
		this.jdbc = jdbc;
		this.again = again;
	}

	/**
	 * @param column where the values are
	 * @param current the number of the key that seals now
	 * @param resealed told how many values each step sealed again
	 * @return how many values could not be opened
	 */
	long reseal(Column column, int current, LongConsumer resealed) {
		String select = "select ctid::text as at, " + column.column() + " from " + column.table()
				+ " where ctid >= ?::tid and ctid < ?::tid and " + column.column() + " is not null and "
				+ column.column() + " not like ?";
		String update = "update " + column.table() + " t set " + column.column() + " = u.sealed from unnest(?::tid[], "
				+ "?::text[], ?::text[]) as u(at, old, sealed) where t.ctid = u.at and t." + column.column() + " = u.old";
		String prefix = Sealer.prefix(current) + "%";
		long unreadable = 0;
		long pages = pages(column.table());
		for (long page = 0; page < pages; page += PAGES) {
			List<String[]> rows = jdbc.query(select,
					(row, number) -> new String[] { row.getString(1), row.getString(2) }, "(" + page + ",0)",
					"(" + (page + PAGES) + ",0)", prefix);
			List<String> at = new ArrayList<>(rows.size());
			List<String> old = new ArrayList<>(rows.size());
			List<String> sealed = new ArrayList<>(rows.size());
			for (String[] row : rows) {
				try {
					sealed.add(again.apply(row[1], column.purpose()));
					at.add(row[0]);
					old.add(row[1]);
				}
				catch (IllegalStateException broken) {
					unreadable++;
				}
			}
			if (!sealed.isEmpty()) {
				resealed.accept(jdbc.update(update, at.toArray(String[]::new), old.toArray(String[]::new),
						sealed.toArray(String[]::new)));
			}
			if (page + PAGES >= pages) {
				pages = pages(column.table());
			}
		}
		return unreadable;
	}

	/**
	 * @return how many values of the column are sealed with another key than the current one
	 */
	long remaining(Column column, int current) {
		Long count = jdbc.queryForObject("select count(*) from " + column.table() + " where " + column.column()
				+ " is not null and " + column.column() + " not like ?", Long.class, Sealer.prefix(current) + "%");
		return count == null ? 0 : count;
	}

	private long pages(String table) {
		Long pages = jdbc.queryForObject(
				"select pg_relation_size(?::regclass) / current_setting('block_size')::int", Long.class, table);
		return pages == null ? 0 : pages;
	}

}
