package org.jijinan.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.shared.SafeCells;

import org.springframework.context.MessageSource;

/**
 * The dashboard's tables as one workbook, a sheet per table: a title row naming the region, the table and the
 * period, the column headings frozen below it, columns wide enough to read, numbers as numbers, rates as
 * percentages and durations in words beside their minutes.
 */
final class DashboardWorkbook {

	/** The title is row 0, the column headings row 1, the figures from row 2. */
	static final int FIRST_ROW = 2;

	private final MessageSource messages;

	private final Locale locale;

	DashboardWorkbook(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	byte[] write(Dashboard.DashboardView view) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			lines(sheet(workbook, view, "reporting.by-township"), text("reporting.township"),
					prepend(view.total(), view.byTownship()));
			lines(sheet(workbook, view, "reporting.by-month"), text("reporting.month"), view.byMonth());
			lines(sheet(workbook, view, "reporting.by-channel"), text("reporting.channel"), view.byChannel());
			lines(sheet(workbook, view, "reporting.by-cause"), text("reporting.cause"), view.byCause());
			lines(sheet(workbook, view, "reporting.by-urgency"), text("reporting.urgency"), view.byUrgency());
			Sheet units = sheet(workbook, view, "reporting.units");
			header(units, text("reporting.unit"), text("reporting.referred"), text("reporting.completed"),
					text("reporting.on-time"), text("reporting.on-time-rate"), text("reporting.returns"));
			int r = FIRST_ROW;
			for (Dashboard.UnitLine unit : view.units()) {
				Row row = units.createRow(r++);
				row.createCell(0).setCellValue(SafeCells.text(unit.unit()));
				row.createCell(1).setCellValue(unit.referred());
				row.createCell(2).setCellValue(unit.completed());
				row.createCell(3).setCellValue(unit.onTime());
				if (unit.onTimePercent() >= 0) {
					Cell rate = row.createCell(4);
					rate.setCellValue(unit.onTimePercent() / 100.0);
					rate.setCellStyle(percent);
				}
				row.createCell(5).setCellValue(unit.returns());
			}
			amounts(sheet(workbook, view, "reporting.amounts"), text("reporting.scheme"), view.amounts());
			amounts(sheet(workbook, view, "reporting.services"), text("reporting.service-type"), view.services());
			warnings(sheet(workbook, view, "reporting.warnings"), view.warnings());
			complaints(sheet(workbook, view, "reporting.complaints"), view.complaints());
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * A sheet whose first row says what it shows: the region, the table and the period.
	 */
	private Sheet sheet(XSSFWorkbook workbook, Dashboard.DashboardView view, String titleKey) {
		Sheet sheet = workbook.createSheet(text(titleKey));
		sheet.createRow(0)
			.createCell(0)
			.setCellValue(messages.getMessage("reporting.sheet-title",
					new Object[] { view.regionName(), text(titleKey), view.from(), view.to() }, titleKey, locale));
		sheet.setColumnWidth(0, 28 * 256);
		for (int column = 1; column < 8; column++) {
			sheet.setColumnWidth(column, 14 * 256);
		}
		sheet.createFreezePane(0, FIRST_ROW);
		return sheet;
	}

	private void lines(Sheet sheet, String key, List<Dashboard.Line> lines) {
		header(sheet, key, text("reporting.requests"), text("reporting.cases"), text("reporting.aided"),
				text("reporting.median"), text("reporting.p90"), text("reporting.median-minutes"),
				text("reporting.p90-minutes"));
		int r = FIRST_ROW;
		for (Dashboard.Line line : lines) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(SafeCells.text(line.label()));
			row.createCell(1).setCellValue(line.requests());
			row.createCell(2).setCellValue(line.cases());
			row.createCell(3).setCellValue(line.aided());
			if (!line.noneAided()) {
				row.createCell(4).setCellValue(line.medianText());
				row.createCell(5).setCellValue(line.p90Text());
				minutes(row, 6, line.medianMinutes());
				minutes(row, 7, line.p90Minutes());
			}
		}
	}

	/** The bound in minutes as a number, left empty for more than 90 days (the words column says so). */
	private static void minutes(Row row, int column, int minutes) {
		if (minutes >= 0) {
			row.createCell(column).setCellValue(minutes);
		}
	}

	private void amounts(Sheet sheet, String key, List<Dashboard.AmountLine> lines) {
		header(sheet, key, text("reporting.count"), text("reporting.amount"));
		int r = FIRST_ROW;
		for (Dashboard.AmountLine line : lines) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(SafeCells.text(line.label()));
			row.createCell(1).setCellValue(line.count());
			row.createCell(2).setCellValue(line.amount().doubleValue());
		}
	}

	private void warnings(Sheet sheet, List<Dashboard.WarningLine> lines) {
		header(sheet, text("reporting.warning-rule"), text("reporting.warnings-raised"),
				text("reporting.warnings-checked"), text("reporting.warnings-needing-help"),
				text("reporting.warnings-found-first"), text("reporting.warnings-days-to-check"),
				text("reporting.warnings-days-to-aid"));
		int r = FIRST_ROW;
		for (Dashboard.WarningLine line : lines) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(SafeCells.text(line.label()));
			row.createCell(1).setCellValue(line.raised());
			row.createCell(2).setCellValue(line.checked());
			row.createCell(3).setCellValue(line.needingHelp());
			row.createCell(4).setCellValue(line.foundFirst());
			if (line.medianDaysToCheck() != null) {
				row.createCell(5).setCellValue(line.medianDaysToCheck());
			}
			if (line.medianDaysToAid() != null) {
				row.createCell(6).setCellValue(line.medianDaysToAid());
			}
		}
	}

	/**
	 * Complaints by unit complained about, then by kind and by month below them.
	 */
	private void complaints(Sheet sheet, org.jijinan.complaints.ComplaintFigures.Figures figures) {
		header(sheet, text("reporting.complaints-unit"), text("reporting.complaints-received"),
				text("reporting.complaints-founded"));
		int r = FIRST_ROW;
		for (var unit : figures.byUnit()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(SafeCells.text(unit.unit().isEmpty() ? text("reporting.complaints-no-unit")
					: unit.unit()));
			row.createCell(1).setCellValue(unit.received());
			row.createCell(2).setCellValue(unit.founded());
		}
		r++;
		for (var kind : figures.byKind()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(text("complaints.kind." + kind.key()));
			row.createCell(1).setCellValue(kind.count());
		}
		r++;
		for (var month : figures.byMonth()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(month.key());
			row.createCell(1).setCellValue(month.count());
		}
	}

	private static void header(Sheet sheet, String... titles) {
		Row row = sheet.createRow(FIRST_ROW - 1);
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
	}

	private static List<Dashboard.Line> prepend(Dashboard.Line total, List<Dashboard.Line> lines) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(total), lines.stream()).toList();
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, locale);
	}

}
