package org.jijinan.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows written with PostgreSQL's {@code COPY} in the caller's transaction, for the few paths that store many rows at
 * once (a roster, a department's file of signals): the text format, one row per line, fields separated by tabs.
 */
public final class CopyRows {

	private final StringBuilder text;

	/**
	 * @param expectedRows how many rows are coming, to size the buffer
	 */
	public CopyRows(int expectedRows) {
		this.text = new StringBuilder(Math.max(16, expectedRows) * 200);
	}

	/**
	 * Adds one row.
	 * @param fields its fields in the column order, {@code null} for SQL NULL
	 */
	public CopyRows row(@Nullable Object... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				text.append('\t');
			}
			Object value = fields[i];
			field(text, value == null ? null
					: value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString());
		}
		text.append('\n');
		return this;
	}

	/**
	 * @return whether no row was added
	 */
	public boolean isEmpty() {
		return text.isEmpty();
	}

	/**
	 * Writes the rows on the connection of the caller's transaction.
	 * @param copy the statement, such as {@code copy t (a, b) from stdin}
	 * @return the rows written
	 * @throws SQLException as PostgreSQL refused them (a unique key taken: SQL state {@code 23505}); the transaction is
	 *     then aborted
	 */
	public long copyIn(DataSource dataSource, String copy) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(text.toString()));
		}
		catch (IOException unreachable) {
			throw new SQLException("COPY from memory failed", unreachable);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Appends a value in COPY's text format: backslash, tab and line breaks escaped, {@code \N} for null.
	 */
	public static StringBuilder field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			return text.append("\\N");
		}
		if (plain(value)) {
			return text.append(value);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

	/**
	 * @return whether the value needs no escaping (most do not: numbers, codes, sealed values), so that it is
	 *     appended at once rather than character by character
	 */
	private static boolean plain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return false;
			}
		}
		return true;
	}

}
