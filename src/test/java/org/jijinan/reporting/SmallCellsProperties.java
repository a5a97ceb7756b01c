package org.jijinan.reporting;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public accounts withhold: no shown figure counts 1 to 4 households, and no line whose total is shown has
 * exactly one withheld figure, so none can be worked out by subtraction.
 */
class SmallCellsProperties {

	@Property(tries = 2000)
	void noShownFigureCountsFewerThanFiveAndNoneCanBeWorkedOut(@ForAll("tables") long[][] table) {
		int rows = table.length - 1;
		int columns = table[0].length - 1;
		long[][] cells = new long[rows][columns];
		long[] rowTotals = new long[rows];
		long[] columnTotals = new long[columns];
		for (int r = 0; r < rows; r++) {
			System.arraycopy(table[r], 0, cells[r], 0, columns);
			rowTotals[r] = table[r][columns];
		}
		System.arraycopy(table[rows], 0, columnTotals, 0, columns);

		boolean[][] hidden = SmallCells.hidden(cells, rowTotals, columnTotals, table[rows][columns], 5);

		for (int r = 0; r <= rows; r++) {
			for (int c = 0; c <= columns; c++) {
				if (!hidden[r][c]) {
					assertThat(table[r][c]).as("shown at %d,%d", r, c).matches(count -> count == 0 || count >= 5);
				}
			}
		}
		for (int r = 0; r <= rows; r++) {
			int withheld = 0;
			for (int c = 0; c < columns; c++) {
				withheld += hidden[r][c] ? 1 : 0;
			}
			assertThat(hidden[r][columns] || withheld != 1).as("row %d", r).isTrue();
		}
		for (int c = 0; c <= columns; c++) {
			int withheld = 0;
			for (int r = 0; r < rows; r++) {
				withheld += hidden[r][c] ? 1 : 0;
			}
			assertThat(hidden[rows][c] || withheld != 1).as("column %d", c).isTrue();
		}
	}

	@Test
	void hidesTheSmallestOtherFigureBesideALoneSmallOne() {
		// 沙珠玉乡: 6 households of temporary assistance, 2 of medical, 7 of charity; 8 in all.
		boolean[][] hidden = SmallCells.hidden(new long[][] { { 6, 2, 7 }, { 0, 0, 9 } }, new long[] { 13, 9 },
				new long[] { 6, 2, 16 }, 22, 5);

		assertThat(hidden[0]).containsExactly(true, true, false, false);
		assertThat(hidden[1]).containsExactly(false, false, false, false);
		assertThat(hidden[2]).as("the totals row: medical's 2 hidden, and temporary's 6 beside it")
			.containsExactly(true, true, false, false);
	}

	@Provide
	Arbitrary<long[][]> tables() {
		Arbitrary<Long> counts = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
				net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 4)),
				net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(5, 40)));
		return Arbitraries.integers().between(1, 6).flatMap(rows -> Arbitraries.integers().between(1, 5)
			.flatMap(columns -> counts.array(long[].class).ofSize(columns + 1).array(long[][].class).ofSize(rows + 1)));
	}

}
