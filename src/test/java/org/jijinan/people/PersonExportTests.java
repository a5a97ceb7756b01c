package org.jijinan.people;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.SystemTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.people.RosterImportTests.CLERK;
import static org.jijinan.people.RosterImportTests.numbers;

/**
 * Exports parsed back: masked numbers only, no cell a spreadsheet would run as a formula, and an audit record.
 */
@SystemTest
class PersonExportTests {

	static final List<String> HOSTILE_NAMES = List.of("=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@cmd", "\t制表");

	@Autowired
	PersonRegistry registry;

	@Autowired
	PersonExport export;

	@Autowired
	JdbcClient jdbc;

	@Test
	void exportsMaskedTextOnlyCellsAsXlsxAndCsv() throws Exception {
		List<String> ids = numbers(HOSTILE_NAMES.size());
		String village = "632521100202";
		for (int i = 0; i < ids.size(); i++) {
			registry.register(new NewPerson(HOSTILE_NAMES.get(i), ids.get(i), null, null, null,
					"1388888" + String.format("%04d", i), new org.jijinan.shared.DivisionCode(village), "=1+1"),
					CLERK);
		}
		var search = new PersonSearch(null, null, null, new org.jijinan.shared.DivisionCode(village), null, 0, 1);
		long auditsBefore = audits();

		var xlsx = new ByteArrayOutputStream();
		long rows = export.export(search, "XLSX", CLERK, xlsx);
		var csv = new ByteArrayOutputStream();
		export.export(search, "CSV", CLERK, csv);

		assertThat(rows).isGreaterThanOrEqualTo(HOSTILE_NAMES.size());
		List<String> cells = xlsxCells(xlsx.toByteArray());
		String csvText = csv.toString(StandardCharsets.UTF_8);
		for (String cell : cells) {
			assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
				.doesNotStartWith("\t").doesNotStartWith("\r");
		}
		for (String line : csvText.split("\r\n")) {
			for (String cell : line.split(",")) {
				assertThat(cell.replace("\"", "")).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
			}
		}
		for (String id : ids) {
			assertThat(cells).noneMatch(cell -> cell.contains(id));
			assertThat(csvText).doesNotContain(id);
		}
		assertThat(csvText).doesNotContain("13888880000").contains("138****0000");
		assertThat(audits()).isEqualTo(auditsBefore + 2);
	}

	private long audits() {
		return jdbc.sql("select count(*) from audit_record where action = 'people.persons-exported'")
			.query(Long.class)
			.single();
	}

	private static List<String> xlsxCells(byte[] bytes) throws Exception {
		List<String> cells = new ArrayList<>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (var row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
					cells.add(cell.getStringCellValue());
				}
			}
		}
		return cells;
	}

}
