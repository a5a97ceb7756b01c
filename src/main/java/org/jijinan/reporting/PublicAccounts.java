package org.jijinan.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jijinan.charity.PublicFund;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.relief.AidTotals;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The public accounts (资金使用公开, Order 649 art. 62): a month's money by township and scheme, households helped,
 * and the public fund's income and grants, for anyone to read without signing in. No cell counting fewer than five
 * households is shown, nor any that could be worked out from the totals ({@link SmallCells}).
 */
@Service
public class PublicAccounts {

	/** The fewest households a published cell may count. */
	static final int FEWEST = 5;

	private final AidTotals totals;

	private final PublicFund fund;

	private final RegionDirectory regions;

	private final IntakeDesk desk;

	private final Clock clock;

	PublicAccounts(AidTotals totals, PublicFund fund, RegionDirectory regions, IntakeDesk desk, Clock clock) {
		this.totals = totals;
		this.fund = fund;
		this.regions = regions;
		this.desk = desk;
		this.clock = clock;
	}

	/**
	 * @return the last twelve months, the latest first; the accounts of any of them can be read
	 */
	List<YearMonth> months() {
		YearMonth now = YearMonth.now(clock.withZone(Rollups.CHINA));
		List<YearMonth> months = new ArrayList<>();
		for (int back = 0; back < 12; back++) {
			months.add(now.minusMonths(back));
		}
		return months;
	}

	/**
	 * @param month {@code 2026-11}; none for this month
	 */
	YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return months().get(0);
		}
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("reporting.public-month-invalid");
		}
		if (!months().contains(parsed)) {
			throw new RuleViolation("reporting.public-month-invalid");
		}
		return parsed;
	}

	Accounts of(YearMonth month) {
		DivisionCode county = desk.publicCounty();
		Map<String, Map<String, AidTotals.AidTotal>> byTownship = new HashMap<>();
		Map<String, AidTotals.AidTotal> byScheme = new HashMap<>();
		AidTotals.AidTotal all = new AidTotals.AidTotal(null, null, 0, BigDecimal.ZERO.setScale(2));
		for (AidTotals.AidTotal line : totals.ofMonth(regions.path(county), month)) {
			if (line.township() == null && line.scheme() == null) {
				all = line;
			}
			else if (line.township() == null) {
				byScheme.put(line.scheme(), line);
			}
			else {
				byTownship.computeIfAbsent(line.township(), key -> new HashMap<>())
					.put(line.scheme() == null ? "" : line.scheme(), line);
			}
		}
		List<DivisionView> townships = regions.children(county)
			.stream()
			.filter(division -> division.level() == DivisionLevel.TOWNSHIP
					&& (division.isValidOn(month.atEndOfMonth()) || byTownship.containsKey(division.code().value())))
			.toList();
		List<String> schemes = AidTotals.SCHEMES;
		long[][] cells = new long[townships.size()][schemes.size()];
		long[] rowTotals = new long[townships.size()];
		long[] columnTotals = new long[schemes.size()];
		for (int r = 0; r < townships.size(); r++) {
			Map<String, AidTotals.AidTotal> line = byTownship.getOrDefault(townships.get(r).code().value(), Map.of());
			for (int c = 0; c < schemes.size(); c++) {
				cells[r][c] = households(line.get(schemes.get(c)));
			}
			rowTotals[r] = households(line.get(""));
		}
		for (int c = 0; c < schemes.size(); c++) {
			columnTotals[c] = households(byScheme.get(schemes.get(c)));
		}
		boolean[][] hidden = SmallCells.hidden(cells, rowTotals, columnTotals, all.households(), FEWEST);
		List<Row> rows = new ArrayList<>();
		for (int r = 0; r < townships.size(); r++) {
			Map<String, AidTotals.AidTotal> line = byTownship.getOrDefault(townships.get(r).code().value(), Map.of());
			List<Cell> row = new ArrayList<>();
			for (int c = 0; c < schemes.size(); c++) {
				row.add(cell(line.get(schemes.get(c)), hidden[r][c]));
			}
			rows.add(new Row(townships.get(r).code(), row, cell(line.get(""), hidden[r][schemes.size()])));
		}
		List<Cell> bySchemeCells = new ArrayList<>();
		for (int c = 0; c < schemes.size(); c++) {
			bySchemeCells.add(cell(byScheme.get(schemes.get(c)), hidden[townships.size()][c]));
		}
		Row total = new Row(county, bySchemeCells, cell(all, hidden[townships.size()][schemes.size()]));
		PublicFund.Month fundMonth = fund.ledger()
			.months()
			.stream()
			.filter(found -> found.month().equals(month.toString()))
			.findFirst()
			.orElse(new PublicFund.Month(month.toString(), BigDecimal.ZERO, BigDecimal.ZERO));
		return new Accounts(month, county, schemes, rows, total, fundMonth);
	}

	private static long households(AidTotals.@Nullable AidTotal line) {
		return line == null ? 0 : line.households();
	}

	private static Cell cell(AidTotals.@Nullable AidTotal line, boolean hidden) {
		if (hidden) {
			return new Cell(0, BigDecimal.ZERO, true);
		}
		return line == null ? new Cell(0, BigDecimal.ZERO, false) : new Cell(line.households(), line.amount(), false);
	}

	/**
	 * A month's public accounts.
	 *
	 * @param month the month
	 * @param county the county
	 * @param schemes the schemes, in the columns' order
	 * @param rows one per township
	 * @param total the county's, per scheme and in all
	 * @param fund the public fund's income and grants that month
	 */
	public record Accounts(YearMonth month, DivisionCode county, List<String> schemes, List<Row> rows, Row total,
			PublicFund.Month fund) {
	}

	/**
	 * A township's line, or the county's.
	 *
	 * @param place the township or county
	 * @param cells per scheme
	 * @param total in all, households counted once
	 */
	public record Row(DivisionCode place, List<Cell> cells, Cell total) {
	}

	/**
	 * One published figure.
	 *
	 * @param households households helped
	 * @param amount money, cash and goods at their value
	 * @param hidden whether it is withheld (fewer than five households, or it would give one away)
	 */
	public record Cell(long households, BigDecimal amount, boolean hidden) {
	}

}
