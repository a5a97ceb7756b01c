package org.jijinan.shared;

import java.util.List;

/**
 * Where a module keeps values it sealed with {@link Sealer}, so that after a key rotation they can be sealed again
 * with the current key and the older key retired. The module that seals a purpose declares its columns.
 */
public interface SealedColumns {

	/**
	 * @return the columns, each holding values sealed for one purpose (or {@code null})
	 */
	List<Column> sealedColumns();

	/**
	 * @param table the table
	 * @param column the column of sealed values
	 * @param purpose what the values were sealed as
	 */
	record Column(String table, String column, String purpose) {

		public Column {
			if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
				throw new IllegalArgumentException("Table and column names are plain identifiers");
			}
		}

	}

}
