package org.jijinan.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells of a published table of households to hide so that no household can be picked out: every cell
 * counting fewer than the threshold of households (but some), and then, wherever a row's or a column's total is
 * shown and exactly one of its cells is hidden, the smallest other cell too (or the total, when no other cell counts
 * anyone) — so no hidden cell can be worked out by subtracting the shown ones from the total. Totals themselves are hidden when they count fewer than the
 * threshold. A pure function of the counts.
 */
final class SmallCells {

	private SmallCells() {
	}

	/**
	 * @param cells households per row and column (rows of equal length)
	 * @param rowTotals households per row, each counted once
	 * @param columnTotals households per column
	 * @param grandTotal households in all
	 * @param threshold the fewest households a shown cell may count
	 * @return what to hide, as a table one row and one column larger: the cells, then the row totals as the last
	 * column, the column totals as the last row and the grand total in the corner
	 */
	static boolean[][] hidden(long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal, int threshold) {
		int rows = cells.length;
		int columns = columnTotals.length;
		long[][] counts = new long[rows + 1][columns + 1];
		for (int r = 0; r < rows; r++) {
			System.arraycopy(cells[r], 0, counts[r], 0, columns);
			counts[r][columns] = rowTotals[r];
		}
		System.arraycopy(columnTotals, 0, counts[rows], 0, columns);
		counts[rows][columns] = grandTotal;
		boolean[][] hide = new boolean[rows + 1][columns + 1];
		for (int r = 0; r <= rows; r++) {
			for (int c = 0; c <= columns; c++) {
				hide[r][c] = counts[r][c] > 0 && counts[r][c] < threshold;
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int r = 0; r <= rows; r++) {
				List<int[]> line = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					line.add(new int[] { r, c });
				}
				changed |= protect(line, new int[] { r, columns }, counts, hide);
			}
			for (int c = 0; c <= columns; c++) {
				List<int[]> line = new ArrayList<>();
				for (int r = 0; r < rows; r++) {
					line.add(new int[] { r, c });
				}
				changed |= protect(line, new int[] { rows, c }, counts, hide);
			}
		}
		return hide;
	}

	/**
	 * Hides a second cell of a line whose total is shown and that has exactly one hidden cell — or, when no other
	 * cell counts anyone, the total.
	 */
	private static boolean protect(List<int[]> line, int[] total, long[][] cells, boolean[][] hide) {
		if (hide[total[0]][total[1]]) {
			return false;
		}
		int hiddenCount = 0;
		int[] smallest = null;
		for (int[] at : line) {
			if (hide[at[0]][at[1]]) {
				hiddenCount++;
			}
			else if (cells[at[0]][at[1]] > 0
					&& (smallest == null || cells[at[0]][at[1]] < cells[smallest[0]][smallest[1]])) {
				smallest = at;
			}
		}
		if (hiddenCount != 1) {
			return false;
		}
		int[] second = smallest == null ? total : smallest;
		hide[second[0]][second[1]] = true;
		return true;
	}

}
