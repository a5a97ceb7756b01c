package org.jijinan.people;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.SafeCells;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a filtered list of persons as CSV or XLSX, streamed row by row. Numbers are masked, every cell is text and
 * nothing a spreadsheet could read as a formula starts a cell (S11). Every export is audited with its row count.
 */
@Service
public class PersonExport {

	private static final List<String> HEADER = List.of("姓名", "公民身份号码", "出生日期", "性别", "民族", "联系电话",
			"户籍村代码", "现住址", "临时登记");

	private static final List<Function<PersonView, Object>> COLUMNS = List.of(PersonView::name, PersonView::idNumber,
			PersonView::birthDate, p -> p.sex() == null ? null : (p.sex().name().equals("MALE") ? "男" : "女"),
			p -> p.ethnicity() == null ? null : p.ethnicity().chineseName(), PersonView::phone, PersonView::residence,
			PersonView::address, p -> p.provisional() ? "是" : "");

	private final PersonFinder finder;

	private final ApplicationEventPublisher events;

	PersonExport(PersonFinder finder, ApplicationEventPublisher events) {
		this.finder = finder;
		this.events = events;
	}

	/**
	 * @param search the filter (its page and size are ignored: every match is exported)
	 * @param format {@code CSV} or {@code XLSX}
	 * @return how many persons were exported
	 */
	@Transactional
	public long export(PersonSearch search, String format, Caller caller, OutputStream out) {
		long rows = "XLSX".equals(format) ? xlsx(search, caller, out) : csv(search, caller, out);
		events.publishEvent(new PersonsExported(caller.name(), format, rows));
		return rows;
	}

	private long csv(PersonSearch search, Caller caller, OutputStream out) {
		long[] rows = { 0 };
		try {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write(String.join(",", HEADER) + "\r\n");
			finder.forEach(search, caller, person -> {
				rows[0]++;
				write(writer, String.join(",", COLUMNS.stream().map(column -> SafeCells.csv(text(column.apply(person))))
					.toList()) + "\r\n");
			});
			writer.flush();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return rows[0];
	}

	private long xlsx(PersonSearch search, Caller caller, OutputStream out) {
		long[] rows = { 0 };
		try (var workbook = new SXSSFWorkbook(200)) {
			var sheet = workbook.createSheet("人员");
			var header = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				header.createCell(i).setCellValue(HEADER.get(i));
			}
			finder.forEach(search, caller, person -> {
				var row = sheet.createRow((int) ++rows[0]);
				for (int i = 0; i < COLUMNS.size(); i++) {
					row.createCell(i).setCellValue(SafeCells.text(text(COLUMNS.get(i).apply(person))));
				}
			});
			workbook.write(out);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return rows[0];
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static void write(Writer writer, String line) {
		try {
			writer.write(line);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * Someone exported a list of persons (masked).
	 *
	 * @param by who
	 * @param format {@code CSV} or {@code XLSX}
	 * @param rows how many persons
	 */
	public record PersonsExported(String by, String format, long rows) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "people.persons-exported";
		}

		@Override
		public String auditSubjectType() {
			return "person-list";
		}

		@Override
		public String auditSubjectId() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("format", format, "rows", String.valueOf(rows), "masked", "true");
		}

	}

}
