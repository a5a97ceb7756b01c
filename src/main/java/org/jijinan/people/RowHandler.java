package org.jijinan.people;

import java.util.List;

/**
 * Receives a roster's rows one at a time, in file order, while the file streams past.
 */
@FunctionalInterface
interface RowHandler {

	/**
	 * @param rowNumber the row's number in the file, the header being row 1
	 * @param cells the cell texts, trimmed; missing cells are empty strings
	 */
	void row(int rowNumber, List<String> cells);

}
