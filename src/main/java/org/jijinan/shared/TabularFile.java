package org.jijinan.shared;

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
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded table: UTF-8 CSV (a byte-order mark is allowed) or the first sheet of an XLSX workbook, with one
 * header row whose columns may be named in English or Chinese, in any order. A file that cannot be read is refused as
 * a whole, with codes under the caller's prefix; macros and formulas are refused; dates in date-formatted cells are
 * read as days.
 */
public final class TabularFile {

	/** The largest file read. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
		.withResolverStyle(ResolverStyle.STRICT);

	private TabularFile() {
	}

	/**
	 * @param columns each column's names: the first is its key in the rows, any may head it in the file
	 * @param required the keys of the columns a file must have
	 * @param codes the prefix of the problem codes ({@code monitoring} gives {@code monitoring.file-empty} …)
	 * @return the data rows, numbered as the file numbers them (the header is line 1)
	 */
	public static List<Row> read(String filename, byte[] content, int maxRows, List<List<String>> columns,
			List<String> required, String codes) {
		return read(filename, content, MAX_BYTES, maxRows, columns, required, codes);
	}

	/**
	 * @param maxBytes the largest file the caller takes (a file of many short rows may exceed {@link #MAX_BYTES})
	 * @return the data rows, numbered as the file numbers them (the header is line 1)
	 */
	public static List<Row> read(String filename, byte[] content, int maxBytes, int maxRows,
			List<List<String>> columns, List<String> required, String codes) {
		if (content.length == 0) {
			throw new InvalidInput(codes + ".file-empty");
		}
		if (content.length > maxBytes) {
			throw new InvalidInput(codes + ".file-too-large", maxBytes / 1024 / 1024);
		}
		String name = filename.toLowerCase(Locale.ROOT);
		List<List<String>> table = name.endsWith(".xlsx") ? xlsx(content, maxRows, codes)
				: name.endsWith(".csv") ? csv(content, maxRows, codes) : refuse(codes);
		if (table.isEmpty()) {
			throw new InvalidInput(codes + ".file-empty");
		}
		Map<String, Integer> found = header(table.get(0), columns, required, codes);
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < table.size(); i++) {
			List<String> cells = table.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> values = new HashMap<>();
			found.forEach((column, index) -> values.put(column, index < cells.size() ? cells.get(index).strip() : ""));
			rows.add(new Row(i + 1, values));
		}
		return rows;
	}

	private static List<List<String>> refuse(String codes) {
		throw new InvalidInput(codes + ".file-type");
	}

	private static Map<String, Integer> header(List<String> cells, List<List<String>> names, List<String> required,
			String codes) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i).strip().toLowerCase(Locale.ROOT);
			for (List<String> column : names) {
				if (column.contains(cell)) {
					columns.put(column.get(0), i);
				}
			}
		}
		List<String> missing = required.stream().filter(column -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInput(codes + ".file-columns", String.join(", ", missing));
		}
		return columns;
	}

	private static List<List<String>> csv(byte[] content, int maxRows, String codes) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<List<String>> table = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), decoder);
				var parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
			for (CSVRecord record : parser) {
				if (table.size() > maxRows) {
					throw new InvalidInput(codes + ".file-too-many-rows", maxRows);
				}
				List<String> cells = new ArrayList<>(record.toList());
				if (table.isEmpty() && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
					cells.set(0, cells.get(0).substring(1));
				}
				table.add(cells);
			}
		}
		catch (CharacterCodingException notUtf8) {
			throw new InvalidInput(codes + ".file-not-utf8");
		}
		catch (UncheckedIOException failed) {
			throw new InvalidInput(failed.getCause() instanceof CharacterCodingException ? codes + ".file-not-utf8"
					: codes + ".file-unreadable");
		}
		catch (IOException | IllegalStateException unreadable) {
			throw new InvalidInput(codes + ".file-unreadable");
		}
		return table;
	}

	private static List<List<String>> xlsx(byte[] content, int maxRows, String codes) {
		List<List<String>> table = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.isMacroEnabled()) {
				throw new InvalidInput(codes + ".file-macros");
			}
			if (workbook.getNumberOfSheets() == 0) {
				return table;
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > maxRows) {
				throw new InvalidInput(codes + ".file-too-many-rows", maxRows);
			}
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(text(row.getCell(c), formatter, codes));
					}
				}
				table.add(cells);
			}
		}
		catch (IOException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException
				| UnsupportedOperationException | org.apache.poi.util.RecordFormatException unreadable) {
			throw new InvalidInput(codes + ".file-unreadable");
		}
		return table;
	}

	private static String text(@Nullable Cell cell, DataFormatter formatter, String codes) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.FORMULA) {
			throw new InvalidInput(codes + ".file-formulas");
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return formatter.formatCellValue(cell);
	}

	/**
	 * @param text a day as people write it in a table: {@code 2026-05-01} or {@code 2026/5/1}
	 * @param problem the code of the problem when it is neither
	 * @return the day, or {@code null} for an empty cell
	 */
	public static @Nullable LocalDate date(@Nullable String text, String problem) {
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
		throw new InvalidInput(problem);
	}

	/**
	 * One data row.
	 *
	 * @param line its line in the file
	 * @param values its values by column key
	 */
	public record Row(long line, Map<String, String> values) {

		@Override
		public String toString() {
			return "Row[" + line + "]";
		}

	}

}
