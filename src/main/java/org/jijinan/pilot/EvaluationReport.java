package org.jijinan.pilot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.budget.Standing;
import org.jspecify.annotations.Nullable;
import org.jijinan.reporting.Dashboard;
import org.jijinan.shared.SafeCells;

import org.springframework.context.MessageSource;

/**
 * The pilot's evaluation report (试点评估报告) from the platform's live figures: the pilot's phases, the townships'
 * readiness, how fast people got help by township, what was given under each scheme, how the units handled what was
 * referred to them, and the policy documents — as a workbook (a sheet per table) and as a PDF with its Chinese font
 * embedded.
 */
final class EvaluationReport {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(PilotSettings.CHINA);

	private final Pilot.Overview pilot;

	private final Dashboard.DashboardView figures;

	private final List<Standing> budgets;

	private final PilotOrganisation.@Nullable View organisation;

	private final Instant generatedAt;

	private final MessageSource messages;

	private final Locale locale;

	EvaluationReport(Pilot.Overview pilot, Dashboard.DashboardView figures, List<Standing> budgets,
			PilotOrganisation.@Nullable View organisation, Instant generatedAt, MessageSource messages, Locale locale) {
		this.budgets = budgets;
		this.organisation = organisation;
		this.pilot = pilot;
		this.figures = figures;
		this.generatedAt = generatedAt;
		this.messages = messages;
		this.locale = locale;
	}

	/** The pilot's organisation: leading groups, action items, publicity, liaison leaders. */
	private List<Table> organisationTables(PilotOrganisation.View view) {
		return List.of(
				new Table(text("pilot.report.members"), List.of(text("pilot.org.group"), text("pilot.org.name"),
						text("pilot.org.post"), text("pilot.org.unit"), text("pilot.org.role")),
						view.members()
							.stream()
							.map(member -> List.of(member.township() == null ? text("pilot.org.countyGroup")
									: member.township(), member.name(), member.post(), member.unit(),
									text("pilot.org.role." + member.role().name())))
							.toList()),
				new Table(text("pilot.report.actions"), List.of(text("pilot.org.actions"), text("pilot.org.leader"),
						text("pilot.report.due"), text("pilot.report.action-status")),
						view.actions()
							.stream()
							.map(action -> List.of(action.decision()
									+ (action.township() == null ? "" : "（" + action.township() + "）"),
									action.ownerName(), action.dueOn().toString(),
									text(!action.open() ? "pilot.report.action-done"
											: action.overdue() ? "pilot.report.action-overdue"
													: "pilot.report.action-open")))
							.toList()),
				new Table(text("pilot.report.publicity"), List.of(text("pilot.org.heldOn"), text("pilot.org.what"),
						text("pilot.org.place"), text("pilot.org.reachLabel")),
						view.publicity()
							.stream()
							.map(publicity -> List.of(publicity.heldOn().toString(), publicity.what(),
									publicity.place(), String.valueOf(publicity.reach())))
							.toList()),
				new Table(text("pilot.report.liaisons"), List.of(text("reporting.township"), text("pilot.org.leader"),
						text("pilot.org.post"), text("pilot.report.visits"), text("pilot.report.last-visit")),
						view.liaisons()
							.stream()
							.map(liaison -> List.of(String.valueOf(liaison.townshipName()), liaison.leader(),
									liaison.post(), String.valueOf(liaison.visits()),
									liaison.lastVisit() == null ? "—" : liaison.lastVisit().toString()))
							.toList()));
	}

	Dashboard.DashboardView figures() {
		return figures;
	}

	String title() {
		return text("pilot.report.title", pilot.countyName());
	}

	/**
	 * @return the report's tables: a title, a header row and rows of cells
	 */
	List<Table> tables() {
		List<Table> tables = new ArrayList<>();
		Dashboard.Line total = figures.total();
		tables.add(new Table(text("pilot.report.summary"), List.of(text("pilot.report.measure"), text("pilot.report.value")),
				List.of(List.of(text("pilot.report.period"), figures.from() + " — " + figures.to()),
						List.of(text("reporting.requests"), String.valueOf(total.requests())),
						List.of(text("reporting.cases"), String.valueOf(total.cases())),
						List.of(text("reporting.aided"), String.valueOf(total.aided())),
						List.of(text("reporting.median"), total.medianText()),
						List.of(text("reporting.p90"), total.p90Text()),
						List.of(text("pilot.report.ready-townships"),
								pilot.readyTownships() + " / " + pilot.readiness().size()),
						List.of(text("pilot.report.documents"), String.valueOf(pilot.documents().size())))));
		tables.add(new Table(text("pilot.phases"), List.of(text("pilot.phase.name"), text("pilot.phase.starts"),
				text("pilot.phase.ends"), text("pilot.phase.goal")),
				pilot.phases()
					.stream()
					.map(phase -> List.of(phase.name(), phase.startsOn().toString(), phase.endsOn().toString(),
							phase.goal() == null ? "" : phase.goal()))
					.toList()));
		List<String> readinessHeader = new ArrayList<>(List.of(text("reporting.township")));
		for (Pilot.Item item : Pilot.Item.values()) {
			readinessHeader.add(text("pilot.item." + item.name()));
		}
		tables.add(new Table(text("pilot.readiness"), readinessHeader, pilot.readiness().stream().map(township -> {
			List<String> row = new ArrayList<>(List.of(township.name()));
			township.marks().forEach(mark -> row.add(mark != null && mark.done() ? text("pilot.done") : text("pilot.not-done")));
			return row;
		}).toList()));
		tables.add(new Table(text("reporting.by-township"), List.of(text("reporting.township"), text("reporting.requests"),
				text("reporting.cases"), text("reporting.aided"), text("reporting.median"), text("reporting.p90")),
				figures.byTownship()
					.stream()
					.map(line -> List.of(line.label(), String.valueOf(line.requests()), String.valueOf(line.cases()),
							String.valueOf(line.aided()), line.medianText(), line.p90Text()))
					.toList()));
		tables.add(new Table(text("reporting.amounts"), List.of(text("reporting.scheme"), text("reporting.count"),
				text("reporting.amount")),
				figures.amounts()
					.stream()
					.map(line -> List.of(line.label(), String.valueOf(line.count()), line.amount().toPlainString()))
					.toList()));
		tables.add(new Table(text("reporting.units"), List.of(text("reporting.unit"), text("reporting.referred"),
				text("reporting.completed"), text("reporting.on-time-rate"), text("reporting.returns")),
				figures.units()
					.stream()
					.map(unit -> List.of(unit.unit(), String.valueOf(unit.referred()), String.valueOf(unit.completed()),
							unit.onTimePercent() < 0 ? "—" : unit.onTimePercent() + "%", String.valueOf(unit.returns())))
					.toList()));
		if (organisation != null) {
			tables.addAll(organisationTables(organisation));
		}
		tables.add(new Table(text("budget.standing"), List.of(text("budget.scheme"), text("budget.place"),
				text("budget.amount"), text("budget.committed"), text("budget.spent"), text("budget.left")),
				budgets.stream()
					.map(budget -> List.of(text("budget.scheme." + budget.scheme().name()),
							budget.townshipName() == null ? text("budget.countyOwn") : budget.townshipName(),
							budget.amount().toPlainString(), budget.committed().toPlainString(),
							budget.spent().toPlainString(), budget.left().toPlainString()))
					.toList()));
		var complaints = figures.complaints();
		var recovered = figures.recoveries();
		tables.add(new Table(text("reporting.complaints"), List.of(text("pilot.report.measure"), text("pilot.report.value")),
				List.of(List.of(text("reporting.complaints-received"), String.valueOf(complaints.received())),
						List.of(text("pilot.report.complaints-answered"), String.valueOf(complaints.answered())),
						List.of(text("pilot.report.complaints-on-time"), percent(complaints.onTimePercent())),
						List.of(text("pilot.report.complaints-founded"), percent(complaints.foundedPercent())),
						List.of(text("pilot.report.complaints-satisfied"), percent(complaints.satisfiedPercent())),
						List.of(text("pilot.report.recoveries-opened"), String.valueOf(recovered.opened())),
						List.of(text("pilot.report.recoveries-amount"), recovered.amount().toPlainString()),
						List.of(text("pilot.report.recoveries-recovered"), recovered.recovered().toPlainString()),
						List.of(text("pilot.report.recoveries-waived"), recovered.waived().toPlainString()))));
		tables.add(new Table(text("reporting.complaints-unit"), List.of(text("reporting.complaints-unit"),
				text("reporting.complaints-received"), text("reporting.complaints-founded")),
				complaints.byUnit()
					.stream()
					.map(unit -> List.of(unit.unit().isEmpty() ? text("reporting.complaints-no-unit") : unit.unit(),
							String.valueOf(unit.received()), String.valueOf(unit.founded())))
					.toList()));
		tables.add(new Table(text("pilot.documents"), List.of(text("reporting.township"), text("pilot.document.title"),
				text("pilot.document.number"), text("pilot.document.issued")),
				pilot.documents()
					.stream()
					.map(document -> List.of(townshipName(document.township()), document.title(),
							document.number() == null ? "" : document.number(), document.issuedOn().toString()))
					.toList()));
		return tables;
	}

	private static String percent(long value) {
		return value < 0 ? "—" : value + "%";
	}

	byte[] xlsx() {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			for (Table table : tables()) {
				Sheet sheet = workbook.createSheet(table.title());
				write(sheet.createRow(0), table.header());
				int r = 1;
				for (List<String> cells : table.rows()) {
					write(sheet.createRow(r++), cells);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	byte[] pdf(BaseFont chinese) {
		var out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle(title());
		document.addCreator("jijinan");
		document.open();
		Font heading = new Font(chinese, 18, Font.BOLD);
		Font section = new Font(chinese, 13, Font.BOLD);
		Font body = new Font(chinese, 10);
		Paragraph top = new Paragraph(title(), heading);
		top.setAlignment(Element.ALIGN_CENTER);
		document.add(top);
		Paragraph stamp = new Paragraph(text("pilot.report.generated", STAMP.format(generatedAt)), body);
		stamp.setAlignment(Element.ALIGN_CENTER);
		stamp.setSpacingAfter(12);
		document.add(stamp);
		document.add(new Paragraph(text("reporting.definition"), body));
		for (Table table : tables()) {
			Paragraph title = new Paragraph(table.title(), section);
			title.setSpacingBefore(14);
			title.setSpacingAfter(6);
			document.add(title);
			if (table.rows().isEmpty()) {
				document.add(new Paragraph(text("reporting.none"), body));
				continue;
			}
			PdfPTable grid = new PdfPTable(table.header().size());
			grid.setWidthPercentage(100);
			grid.setHeaderRows(1);
			for (String cell : table.header()) {
				PdfPCell header = new PdfPCell(new Paragraph(cell, new Font(chinese, 10, Font.BOLD)));
				header.setGrayFill(0.9f);
				grid.addCell(header);
			}
			for (List<String> row : table.rows()) {
				for (String cell : row) {
					grid.addCell(new PdfPCell(new Paragraph(cell, body)));
				}
			}
			document.add(grid);
		}
		Paragraph footer = new Paragraph(text("pilot.report.footer"), body);
		footer.setSpacingBefore(18);
		document.add(footer);
		document.close();
		return out.toByteArray();
	}

	private String townshipName(String code) {
		return pilot.readiness()
			.stream()
			.filter(township -> township.township().equals(code))
			.map(Pilot.Readiness::name)
			.findFirst()
			.orElse(code);
	}

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(SafeCells.text(cells.get(i)));
		}
	}

	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, locale);
	}

	/**
	 * One table of the report.
	 */
	record Table(String title, List<String> header, List<List<String>> rows) {
	}

}
