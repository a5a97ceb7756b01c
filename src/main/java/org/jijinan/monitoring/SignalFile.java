package org.jijinan.monitoring;

import java.util.List;
import java.util.Map;

import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.TabularFile;

/**
 * A department's file of signals, read as a {@link TabularFile}: its columns, named in English or Chinese; the kind
 * by its code or its Chinese name.
 */
final class SignalFile {

	/** The most rows a file may hold. */
	static final int MAX_ROWS = 100_000;

	/** The largest CSV file taken. */
	static final int MAX_CSV_BYTES = 16 * 1024 * 1024;

	/** The columns, each with its English and Chinese header. */
	static final List<List<String>> COLUMNS = List.of(List.of("reference", "编号"), List.of("kind", "信号类型"),
			List.of("id_number", "身份证号码"), List.of("occurred_on", "发生日期"), List.of("amount", "金额"),
			List.of("year_total", "本年累计"), List.of("category", "救助类别"), List.of("detail", "说明"));

	private static final List<String> REQUIRED = List.of("reference", "kind", "id_number", "occurred_on");

	private SignalFile() {
	}

	/**
	 * @return the data rows; a file without any is refused
	 */
	static List<TabularFile.Row> read(String filename, byte[] content) {
		List<TabularFile.Row> rows = TabularFile.read(filename, content, maxBytes(filename), MAX_ROWS, COLUMNS, REQUIRED,
				"monitoring");
		if (rows.isEmpty()) {
			throw new InvalidInput("monitoring.file-empty");
		}
		return rows;
	}

	/**
	 * @throws InvalidInput when an amount or a day cannot be read
	 */
	static NewSignal signal(TabularFile.Row row) {
		Map<String, String> values = row.values();
		return new NewSignal(values.get("kind"), values.get("reference"), values.get("id_number"),
				TabularFile.date(values.get("occurred_on"), "monitoring.occurred-on-invalid"),
				amount(values.get("amount")), amount(values.get("year_total")), values.get("category"),
				values.get("detail"));
	}

	private static java.math.@org.jspecify.annotations.Nullable BigDecimal amount(
			@org.jspecify.annotations.Nullable String text) {
		return text == null || text.isBlank() ? null : FormNumbers.amount(text, "monitoring.amount-invalid");
	}

	/**
	 * @return the uploaded file's name, once it is known not to be empty or too large
	 */
	static String checkedName(org.springframework.web.multipart.MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInput("monitoring.file-empty");
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		if (file.getSize() > maxBytes(name)) {
			throw new InvalidInput("monitoring.file-too-large", maxBytes(name) / 1024 / 1024);
		}
		return name;
	}

	/**
	 * @return the largest file taken: 16 MB for CSV, whose 100,000 short rows may pass the shared 5 MB; XLSX, which
	 *     unpacks to many times its size, stays at 5 MB
	 */
	static int maxBytes(String filename) {
		return filename.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? MAX_CSV_BYTES : TabularFile.MAX_BYTES;
	}

	/**
	 * @return a template with the header and one example row
	 */
	static String template() {
		return "\uFEFF编号,信号类型,身份证号码,发生日期,金额,本年累计,救助类别,说明\r\n"
				+ "ZQ-2026-0001,灾害损失,632521199001011234,2026-07-03,12000.00,,,房屋倒塌\r\n";
	}

}
