package org.jijinan.sharing;

import java.util.List;

import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.TabularFile;

/**
 * A department's file of assistance reports, read as a {@link TabularFile}: its columns, named in English or Chinese.
 */
final class ReportFiles {

	static final int MAX_BYTES = TabularFile.MAX_BYTES;

	/** The columns, each with its English and Chinese header. */
	static final List<List<String>> COLUMNS = List.of(List.of("reference", "业务编号"), List.of("id_number", "身份证号码"),
			List.of("scheme", "救助项目"), List.of("cause", "困难原因"), List.of("amount", "金额"), List.of("goods", "实物"),
			List.of("given_on", "发放日期"));

	private static final List<String> REQUIRED = List.of("reference", "id_number", "scheme", "amount", "given_on");

	private ReportFiles() {
	}

	/**
	 * @return the data rows, numbered as the file numbers them (the header is line 1)
	 */
	static List<TabularFile.Row> read(String filename, byte[] content, int maxRows) {
		return TabularFile.read(filename, content, maxRows, COLUMNS, REQUIRED, "sharing");
	}

	/**
	 * @throws org.jijinan.shared.InvalidInput when an amount or a date cannot be read
	 */
	static DepartmentAssistance.Report report(TabularFile.Row row) {
		var values = row.values();
		return new DepartmentAssistance.Report(values.get("reference"), values.get("id_number"), values.get("scheme"),
				values.getOrDefault("cause", ""), FormNumbers.amount(values.get("amount"), "sharing.amount-invalid"),
				values.getOrDefault("goods", ""), TabularFile.date(values.get("given_on"), "sharing.given-on-invalid"));
	}

}
