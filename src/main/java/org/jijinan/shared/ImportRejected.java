package org.jijinan.shared;

import java.util.List;

/**
 * An imported file was refused as a whole: nothing of it was stored. Lists what is wrong, row by row.
 */
public class ImportRejected extends DomainProblem {

	private final transient List<RowProblem> rows;

	/**
	 * @param code the problem code of the import as a whole
	 * @param rows what is wrong with each row
	 */
	public ImportRejected(String code, List<RowProblem> rows) {
		super(ProblemKind.RULE_VIOLATED, code, rows.size());
		this.rows = List.copyOf(rows);
	}

	/**
	 * @return the rows that made the file unacceptable
	 */
	public List<RowProblem> rows() {
		return rows;
	}

}
