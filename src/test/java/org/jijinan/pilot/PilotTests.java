package org.jijinan.pilot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.PrintedFont;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * The pilot: phases whose dates must exist (the source document's own 2015-02-31 is refused), a readiness checklist
 * each township keeps for itself, policy documents, and the evaluation report from live figures — a workbook, and a
 * PDF whose Chinese font is embedded ({@code pdffonts}) and whose text extracts ({@code pdftotext}).
 */
@SystemTest
class PilotTests {

	private static final String DAOTANGHE = "632521101";

	private static final String QIABUQIA = "632521100";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor county;

	Visitor township;

	Visitor clerk;

	@BeforeEach
	void staff() {
		var staff = StaffFixtures.from(context);
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
	}

	@Test
	void refusesDaysThatDoNotExistAndPhasesThatOverlap() {
		Page impossible = county.json("POST", "/api/v1/pilot/phases", phase("启动部署", "2015-02-31", "2015-06-30"));
		assertProblem(impossible, 400, "pilot.date-invalid");
		assertThat(impossible.body()).contains("2015-02-31 不是真实存在的日期");
		assertProblem(county.json("POST", "/api/v1/pilot/phases", phase("启动部署", "2015-2-1", "2015-06-30")), 400,
				"pilot.date-invalid");
		assertProblem(county.json("POST", "/api/v1/pilot/phases", phase("启动部署", "2015-06-30", "2015-02-01")), 400,
				"pilot.phase-reversed");
		assertProblem(county.json("POST", "/api/v1/pilot/phases", phase(" ", "2015-02-01", "2015-06-30")), 400,
				"pilot.phase-name-invalid");
		assertProblem(township.json("POST", "/api/v1/pilot/phases", phase("乡镇阶段", "2015-02-01", "2015-06-30")), 403,
				"pilot.county-only");

		assertThat(county.json("POST", "/api/v1/pilot/phases", phase("启动部署", "2015-02-28", "2015-06-30")).status())
			.isEqualTo(201);
		assertProblem(county.json("POST", "/api/v1/pilot/phases", phase("全面推进", "2015-06-30", "2015-12-31")), 422,
				"pilot.phase-overlap");
		assertThat(county.json("POST", "/api/v1/pilot/phases", phase("全面推进", "2015-07-01", "2015-12-31")).status())
			.isEqualTo(201);

		county.get("/pilot");
		Page form = county.post("/pilot/phases", Map.of("name", "总结评估", "startsOn", "2016-02-30", "endsOn", "2016-03-31"));
		assertThat(form.status()).isEqualTo(400);
		assertThat(form.body()).contains("2016-02-30 不是真实存在的日期").doesNotContain("Exception");
		assertThat(county.get("/api/v1/pilot").body()).contains("启动部署").contains("全面推进").doesNotContain("总结评估");
	}

	@Test
	void letsEachTownshipKeepItsOwnChecklistAndDocuments() {
		assertThat(township.json("PUT", "/api/v1/pilot/readiness/" + DAOTANGHE + "/WINDOW_SET_UP",
				"{\"done\": true, \"note\": \"镇政府一楼便民服务大厅\"}").status()).isEqualTo(200);
		assertProblem(township.json("PUT", "/api/v1/pilot/readiness/" + QIABUQIA + "/WINDOW_SET_UP", "{\"done\": true}"),
				403, "pilot.township-outside-scope");
		assertProblem(township.json("PUT", "/api/v1/pilot/readiness/" + DAOTANGHE + "/FREE_LUNCH", "{\"done\": true}"),
				400, "pilot.item-unknown");
		assertProblem(clerk.json("PUT", "/api/v1/pilot/readiness/" + DAOTANGHE + "/HOTLINE_OPEN", "{\"done\": true}"), 403,
				"pilot.not-allowed");
		assertThat(county.get("/api/v1/pilot").body()).contains("\"item\":\"WINDOW_SET_UP\",\"done\":true");

		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		Page filed = township.upload("/api/v1/pilot/documents?township=" + DAOTANGHE
				+ "&title=%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88&number=%E5%85%B1%E5%80%92%E6%94%BF%E3%80%942015%E3%80%951%E5%8F%B7&issuedOn=2015-03-01",
				"file", "实施方案.pdf", pdf, "");
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String id = filed.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(county.sendBytes(HttpRequest.newBuilder(county.uri("/api/v1/pilot/documents/" + id)))).isEqualTo(pdf);
		String token = StaffFixtures.personalToken(county, 1, "COUNTY_REVIEWER");
		assertThat(new Visitor(port).sendBytes(HttpRequest.newBuilder(county.uri("/api/v1/pilot/documents/" + id))
			.header("Authorization", "Bearer " + token))).as("the whole file over a bearer token").isEqualTo(pdf);
		assertProblem(township.upload("/api/v1/pilot/documents?township=" + DAOTANGHE + "&title=x&issuedOn=2015-03-01",
				"file", "方案.pdf", "MZ this is a program".getBytes(StandardCharsets.US_ASCII), ""), 422,
				"pilot.document-type");
		assertProblem(township.upload("/api/v1/pilot/documents?township=" + DAOTANGHE + "&title=x&issuedOn=2015-02-29",
				"file", "方案.pdf", pdf, ""), 400, "pilot.date-invalid");
		assertProblem(township.upload("/api/v1/pilot/documents?township=" + QIABUQIA + "&title=x&issuedOn=2015-03-01",
				"file", "方案.pdf", pdf, ""), 403, "pilot.township-outside-scope");
		assertThat(township.get("/pilot").body()).contains("实施方案").contains("共倒政〔2015〕1号");
	}

	@Test
	void printsTheEvaluationReportFromLiveFiguresWithItsChineseFontEmbedded() throws Exception {
		township.json("PUT", "/api/v1/pilot/readiness/" + DAOTANGHE + "/PLAN_FILED", "{\"done\": true}");
		assertThat(county.json("POST", "/api/v1/pilot/phases", phase("巩固提升", "2026-01-01", "2027-12-31")).status())
			.isEqualTo(201);
		Visitor leader = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		String requests = leader.get("/api/v1/dashboard")
			.body()
			.replaceAll("(?s).*?\"total\":\\{[^}]*?\"requests\":(\\d+).*", "$1");

		byte[] workbook = leader.sendBytes(HttpRequest.newBuilder(leader.uri("/api/v1/pilot/evaluation.xlsx")));
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			var summary = book.getSheet("总体情况");
			assertThat(summary).isNotNull();
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("求助");
			assertThat(Long.parseLong(summary.getRow(2).getCell(1).getStringCellValue()))
				.as("the report's figures are the live ones")
				.isGreaterThanOrEqualTo(Long.parseLong(requests));
			assertThat(book.getSheet("乡镇准备情况").getRow(0).getCell(1).getStringCellValue()).isEqualTo("受理窗口已设立");
		}

		Path pdf = Files.createTempFile("evaluation", ".pdf");
		Files.write(pdf, leader.sendBytes(HttpRequest.newBuilder(leader.uri("/api/v1/pilot/evaluation.pdf"))));
		assertEmbeddedChineseFont(pdf);
		assertThat(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")).contains("共和县“救急难”综合试点评估报告")
			.contains("倒淌河镇")
			.contains("实施方案已报备")
			.contains("救助用时")
			.contains("投诉举报与追回")
			.contains("按时答复率");
		assertProblem(clerk.get("/api/v1/pilot/evaluation.pdf"), 403, "pilot.not-allowed");
	}

	@Test
	void theShippedFontPrintsChineseWhereTheMachineHasNone() throws Exception {
		Path pdf = Files.createTempFile("shipped-font", ".pdf");
		try (var out = Files.newOutputStream(pdf)) {
			Document document = new Document();
			PdfWriter.getInstance(document, out);
			document.open();
			document.add(new Paragraph("倒淌河镇“救急难”实施方案", new Font(PrintedFont.shippedChinese(), 12)));
			document.close();
		}
		assertEmbeddedChineseFont(pdf);
		assertThat(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")).contains("倒淌河镇“救急难”实施方案");
	}

	private static void assertEmbeddedChineseFont(Path pdf) throws Exception {
		String fonts = run("pdffonts", pdf.toString());
		List<String> lines = fonts.lines().skip(2).toList();
		assertThat(lines).as(fonts).isNotEmpty();
		assertThat(lines).as("every font embedded: " + fonts)
			.allSatisfy(line -> assertThat(line.split("\\s+")).contains("Identity-H").contains("yes"));
		assertThat(fonts).contains("WenQuanYi");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static String phase(String name, String starts, String ends) {
		return "{\"name\": \"%s\", \"startsOn\": \"%s\", \"endsOn\": \"%s\", \"goal\": \"乡镇窗口全部设立\"}".formatted(name,
				starts, ends);
	}

}
