package org.jijinan.people;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.SystemTest;
import org.jijinan.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.jijinan.people.RosterImportTests.CLERK;
import static org.jijinan.people.RosterImportTests.numbers;

/**
 * A corpus of hostile and broken roster files, generated here: each is refused as a whole with a clear reason,
 * quickly, and imports nothing. A clean workbook imports.
 */
@SystemTest
class RosterFileAttackTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsACleanWorkbook() throws IOException {
		List<String> ids = numbers(2);
		byte[] workbook = workbook(sheet -> {
			row(sheet, 0, "姓名", "公民身份号码", "户籍村代码", "民族");
			row(sheet, 1, "拉姆", ids.get(0), PeopleTests.VILLAGE, "藏族");
			row(sheet, 2, "次仁", ids.get(1), PeopleTests.VILLAGE, "");
		});

		RosterImportView done = importAndWait(workbook, "clean.xlsx");

		assertThat(done.format()).isEqualTo("XLSX");
		assertThat(done.status()).isEqualTo("COMPLETED");
		assertThat(done.rowsAdded()).isEqualTo(2);
	}

	@Test
	void refusesAWorkbookWithAFormulaCell() throws IOException {
		byte[] workbook = workbook(sheet -> {
			row(sheet, 0, "姓名", "公民身份号码", "户籍村代码");
			row(sheet, 1, "甲", numbers(1).get(0), PeopleTests.VILLAGE);
			sheet.createRow(2).createCell(0).setCellFormula("HYPERLINK(\"http://x\",\"点我\")");
		});

		assertRefused(importAndWait(workbook, "formula.xlsx"), "people.roster-formula");
	}

	@Test
	void refusesAMacroEnabledWorkbook() throws IOException {
		byte[] workbook = rewrite(workbook(sheet -> row(sheet, 0, "姓名", "公民身份号码", "户籍村代码")),
				"[Content_Types].xml", xml -> xml.replace("spreadsheetml.sheet.main+xml",
						"sheet.macroEnabled.main+xml"));

		assertRefused(importAndWait(workbook, "macro.xlsm"), "people.roster-macros");
	}

	@Test
	void refusesAZipBombQuicklyAndWithoutExhaustingMemory() throws IOException {
		byte[] valid = workbook(sheet -> row(sheet, 0, "姓名", "公民身份号码", "户籍村代码"));
		var bytes = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(valid)); var zip = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] data = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(data, StandardCharsets.UTF_8);
					int cut = xml.indexOf("<sheetData");
					zip.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 300; i++) {
						zip.write(spaces);
					}
					zip.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(data);
				}
			}
		}
		assertThat(bytes.size()).as("a few hundred kilobytes that inflate to 300 MB").isLessThan(2_000_000);
		long start = System.nanoTime();

		RosterImportView done = importAndWait(bytes.toByteArray(), "bomb.xlsx");

		assertRefused(done, "people.roster-unreadable-xlsx");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void refusesAWorkbookWhoseSheetDeclaresExternalEntities() throws IOException {
		byte[] workbook = rewrite(workbook(sheet -> row(sheet, 0, "姓名", "公民身份号码", "户籍村代码")),
				"xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<worksheet",
						"<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><worksheet")
					.replace("姓名", "&secret;"));

		assertRefused(importAndWait(workbook, "xxe.xlsx"), "people.roster-unreadable-xlsx");
	}

	@Test
	void refusesAnOldExcelFileAtTheDoor() {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> imports.submit("old.xls", new ByteArrayInputStream(ole2), null, "old", CLERK))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo("people.roster-old-excel"));
	}

	@Test
	void refusesAnEmptyFileAndAFileWithOnlyAHeader() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> imports.submit("empty.csv", new ByteArrayInputStream(new byte[0]), null, "e", CLERK));
		assertRefused(importAndWait("姓名,公民身份号码,户籍村代码\n".getBytes(StandardCharsets.UTF_8), "header.csv"),
				"people.roster-empty");
	}

	@Test
	void refusesACsvThatIsNotUtf8() {
		byte[] gbk = ("姓名,公民身份号码,户籍村代码\n张三," + numbers(1).get(0) + "," + PeopleTests.VILLAGE + "\n")
			.getBytes(java.nio.charset.Charset.forName("GB18030"));

		assertRefused(importAndWait(gbk, "gbk.csv"), "people.roster-unreadable-csv");
	}

	private RosterImportView importAndWait(byte[] content, String name) {
		RosterImportView started = imports.submit(name, new ByteArrayInputStream(content), null, name, CLERK);
		await().atMost(Duration.ofSeconds(30)).until(() -> imports.status(started.id(), CLERK).finished());
		return imports.status(started.id(), CLERK);
	}

	private void assertRefused(RosterImportView done, String code) {
		assertThat(done.status()).isEqualTo("REJECTED");
		assertThat(done.rejection()).isEqualTo(code);
		assertThat(jdbc.sql("select count(*) from people_person where source_import = :id")
			.param("id", done.id())
			.query(Long.class)
			.single()).isZero();
	}

	private static byte[] workbook(java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> content)
			throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			content.accept(workbook.createSheet("名册"));
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, String... values) {
		var row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static byte[] rewrite(byte[] xlsx, String entryName, java.util.function.UnaryOperator<String> change)
			throws IOException {
		var out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx)); var zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] data = in.readAllBytes();
				if (entry.getName().equals(entryName)) {
					data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(data);
			}
		}
		return out.toByteArray();
	}

}
