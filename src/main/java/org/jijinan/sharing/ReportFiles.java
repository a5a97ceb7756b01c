package org.jijinan.sharing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Reads a department's file of assistance reports: UTF-8 CSV (a byte-order mark is allowed) or the first sheet of
 * an XLSX workbook, with one header row whose columns may be named in English or Chinese, in any order. Files that
 * cannot be read are refused as a whole; a row whose values cannot be read becomes that row's problem.
 */
final class ReportFiles {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The columns, each with its English and Chinese header. */
	static final List<List<String>> COLUMNS = List.of(List.of("reference", "业务编号"), List.of("id_number", "身份证号码"),
			List.of("scheme", "救助项目"), List.of("cause", "困难原因"), List.of("amount", "金额"), List.of("goods", "实物"),
			List.of("given_on", "发放日期"));

	private static final List<String> REQUIRED = List.of("reference", "id_number", "scheme", "amount", "given_on");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
		.withResolverStyle(ResolverStyle.STRICT);

	private ReportFiles() {
	}

	/**
	 * @return the data rows, numbered as the file numbers them (the header is line 1)
	 */
	static List<Row> read(String filename, byte[] content, int maxRows) {
		if (content.length == 0) {
			throw new InvalidInput("sharing.file-empty");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInput("sharing.file-too-large", MAX_BYTES / 1024 / 1024);
		}
		String name = filename.toLowerCase(Locale.ROOT);
		List<List<String>> table = name.endsWith(".xlsx") ? xlsx(content, maxRows)
				: name.endsWith(".csv") ? csv(content, maxRows) : refuse();
		if (table.isEmpty()) {
			throw new InvalidInput("sharing.file-empty");
		}
		Map<String, Integer> columns = header(table.get(0));
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < table.size(); i++) {
			List<String> cells = table.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> values = new HashMap<>();
			columns.forEach((column, index) -> values.put(column, index < cells.size() ? cells.get(index).strip() : ""));
			rows.add(new Row(i + 1, values));
		}
		return rows;
	}

	private static List<List<String>> refuse() {
		throw new InvalidInput("sharing.file-type");
	}

	private static Map<String, Integer> header(List<String> cells) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i).strip().toLowerCase(Locale.ROOT);
			for (List<String> names : COLUMNS) {
				if (names.contains(cell)) {
					columns.put(names.get(0), i);
				}
			}
		}
		List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInput("sharing.file-columns", String.join(", ", missing));
		}
		return columns;
	}

	private static List<List<String>> csv(byte[] content, int maxRows) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<List<String>> table = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), decoder);
				var parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
			for (CSVRecord record : parser) {
				if (table.size() > maxRows) {
					throw new InvalidInput("sharing.file-too-many-rows", maxRows);
				}
				List<String> cells = new ArrayList<>(record.toList());
				if (table.isEmpty() && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
					cells.set(0, cells.get(0).substring(1));
				}
				table.add(cells);
			}
		}
		catch (CharacterCodingException notUtf8) {
			throw new InvalidInput("sharing.file-not-utf8");
		}
		catch (UncheckedIOException failed) {
			throw new InvalidInput(failed.getCause() instanceof CharacterCodingException ? "sharing.file-not-utf8"
					: "sharing.file-unreadable");
		}
		catch (IOException | IllegalStateException unreadable) {
			throw new InvalidInput("sharing.file-unreadable");
		}
		return table;
	}

	private static List<List<String>> xlsx(byte[] content, int maxRows) {
		List<List<String>> table = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.isMacroEnabled()) {
				throw new InvalidInput("sharing.file-macros");
			}
			if (workbook.getNumberOfSheets() == 0) {
				return table;
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > maxRows) {
				throw new InvalidInput("sharing.file-too-many-rows", maxRows);
			}
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(text(row.getCell(c), formatter));
					}
				}
				table.add(cells);
			}
		}
		catch (IOException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException
				| UnsupportedOperationException | org.apache.poi.util.RecordFormatException unreadable) {
			throw new InvalidInput("sharing.file-unreadable");
		}
		return table;
	}

	private static String text(@Nullable Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.FORMULA) {
			throw new InvalidInput("sharing.file-formulas");
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return formatter.formatCellValue(cell);
	}

	/**
	 * One data row.
	 *
	 * @param line its line in the file
	 * @param values its values by column
	 */
	record Row(long line, Map<String, String> values) {

		/**
		 * @throws InvalidInput when an amount or a date cannot be read
		 */
		DepartmentAssistance.Report report() {
			return new DepartmentAssistance.Report(values.get("reference"), values.get("id_number"),
					values.get("scheme"), values.getOrDefault("cause", ""),
					FormNumbers.amount(values.get("amount"), "sharing.amount-invalid"),
					values.getOrDefault("goods", ""), date(values.get("given_on")));
		}

		private static @Nullable LocalDate date(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			for (DateTimeFormatter format : List.of(ISO, SLASHED)) {
				try {
					return LocalDate.parse(text.strip(), format);
				}
				catch (DateTimeParseException notThisFormat) {
					// try the next
				}
			}
			throw new InvalidInput("sharing.given-on-invalid");
		}

		@Override
		public String toString() {
			return "Row[" + line + "]";
		}

	}

}
