package org.jijinan.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.OtherCounty;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Departments report the assistance they gave: through the API or as a file, for registered people of their own
 * county, only in the schemes they give; once per reference; files whole or not at all. A department's system holds
 * only a department's scopes and sees nothing of another county.
 */
@SystemTest
class DepartmentAssistanceTests {

	static final DivisionCode TONGDE = OtherCounty.COUNTY;

	private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	StaffFixtures staff;

	Visitor admin;

	Visitor clerk;

	String housingUnit;

	Partner housing;

	@BeforeEach
	void department() {
		staff = StaffFixtures.from(context);
		admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		housingUnit = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		housing = PartnerFixtures.register(port, admin, "住建局危房改造系统", housingUnit, "assistance-records:write");
	}

	@Test
	void receivesAReportOnceAndRefusesAConflictingOne() {
		String idNumber = registered("扎西");
		String reference = "WF-" + UUID.randomUUID().toString().substring(0, 8);

		Page first = housing.json("POST", "/api/v1/department-assistance", report(reference, idNumber, "HOUSING_REPAIR", "8000.00"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.body()).contains("\"created\":true");
		Page again = housing.json("POST", "/api/v1/department-assistance", report(reference, idNumber, "HOUSING_REPAIR", "8000"));
		assertThat(again.status()).as("the same report sent twice is one report").isEqualTo(200);
		assertThat(again.body()).contains("\"created\":false");
		assertProblem(housing.json("POST", "/api/v1/department-assistance",
				report(reference, idNumber, "HOUSING_REPAIR", "9000")), 409, "sharing.report-conflict");

		assertThat(jdbc.sql("select count(*) from relief_assistance where source_ref = :source")
			.param("source", housingUnit + "/" + reference)
			.query(Integer.class)
			.single()).as("one record in the household's assistance chain").isEqualTo(1);
		assertThat(jdbc.sql("select amount from relief_assistance where source_ref = :source")
			.param("source", housingUnit + "/" + reference)
			.query(String.class)
			.single()).isEqualTo("8000.00");
		assertThat(housing.get("/api/v1/department-assistance").body()).contains(reference)
			.doesNotContain(idNumber);
	}

	@Test
	void refusesWhatADepartmentCannotReportAndStoresNothingOfIt() {
		String idNumber = registered("卓玛");
		int before = reportsOfHousing();

		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-1", idNumber, "EDUCATION_SUBSIDY", "500")),
				422, "sharing.scheme-not-yours");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-2", idNumber, "GOLD_BARS", "500")),
				400, "sharing.scheme-unknown");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-3", unregistered(), "HOUSING_REPAIR", "500")),
				422, "sharing.person-unknown");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-4", "632521199001011230", "HOUSING_REPAIR", "500")),
				400, "shared.id-number-check-digit");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-5", idNumber, "HOUSING_REPAIR", "-1")),
				400, "sharing.amount-invalid");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-6", idNumber, "HOUSING_REPAIR", "0")),
				400, "sharing.amount-invalid");
		assertProblem(housing.json("POST", "/api/v1/department-assistance", report("A-7", idNumber, "HOUSING_REPAIR", "12.345")),
				400, "sharing.amount-invalid");
		assertProblem(housing.json("POST", "/api/v1/department-assistance",
				report("A-8", idNumber, "HOUSING_REPAIR", "500").replace(TODAY, "2099-01-01")), 400,
				"sharing.given-on-invalid");
		assertProblem(housing.json("POST", "/api/v1/department-assistance",
				report("A-9", idNumber, "HOUSING_REPAIR", "500").replace("FIRE", "BAD_LUCK")), 400, "sharing.cause-unknown");
		assertProblem(housing.json("POST", "/api/v1/department-assistance",
				report("../../etc", idNumber, "HOUSING_REPAIR", "500")), 400, "sharing.reference-invalid");
		Page broken = housing.json("POST", "/api/v1/department-assistance", "{\"reference\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.contentType()).startsWith("application/problem+json");

		assertThat(reportsOfHousing()).as("nothing stored of what was refused").isEqualTo(before);
	}

	@Test
	void takesAFileWholeOrNotAtAll() throws IOException {
		String first = registered("才让");
		String second = registered("拉毛");
		String batch = UUID.randomUUID().toString().substring(0, 6);
		String bad = "\uFEFF业务编号,身份证号码,救助项目,困难原因,金额,实物,发放日期\r\n"
				+ batch + "-1," + first + ",HOUSING_REPAIR,FIRE,\"6,000.00\",," + TODAY + "\r\n"
				+ batch + "-2," + second + ",HOUSING_REPAIR,,0,棉被 2 床," + TODAY.replace("-", "/") + "\r\n"
				+ batch + "-3," + second + ",HOUSING_REPAIR,,100,,2015-02-31\r\n"
				+ batch + "-1," + second + ",HOUSING_REPAIR,,100,," + TODAY + "\r\n";
		int before = reportsOfHousing();

		Page refused = housing.upload("/api/v1/department-assistance/files", "危房改造.csv", bytes(bad));
		assertProblem(refused, 422, "sharing.file-rejected");
		assertThat(refused.body()).contains("\"line\":4").contains("sharing.given-on-invalid")
			.contains("\"line\":5").contains("sharing.reference-repeated").doesNotContain("\"line\":2");
		assertThat(reportsOfHousing()).as("nothing of a refused file").isEqualTo(before);

		String good = bad.substring(0, bad.indexOf(batch + "-3"));
		Page received = housing.upload("/api/v1/department-assistance/files", "危房改造.csv", bytes(good));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.body()).contains("\"added\":2").contains("\"alreadyReceived\":0");
		Page twice = housing.upload("/api/v1/department-assistance/files", "危房改造.csv", bytes(good));
		assertThat(twice.body()).contains("\"added\":0").contains("\"alreadyReceived\":2");
		assertThat(reportsOfHousing()).isEqualTo(before + 2);

		assertProblem(housing.upload("/api/v1/department-assistance/files", "gbk.csv",
				good.getBytes(Charset.forName("GBK"))), 400, "sharing.file-not-utf8");
		assertProblem(housing.upload("/api/v1/department-assistance/files", "notes.txt", bytes(good)), 400,
				"sharing.file-type");
		assertProblem(housing.upload("/api/v1/department-assistance/files", "fake.xlsx", bytes(good)), 400,
				"sharing.file-unreadable");
		assertProblem(housing.upload("/api/v1/department-assistance/files", "cols.csv", bytes("业务编号,金额\r\nX,1\r\n")),
				400, "sharing.file-columns");
	}

	@Test
	void takesAWorkbookFromTheDepartmentsOfficerOnThePage() throws IOException {
		var officer = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		Visitor page = StaffFixtures.signedIn(port, officer);
		String pupil = registered("索南");
		String reference = "JY-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] workbook = workbook(reference, pupil);

		assertThat(page.get("/sharing/assistance").body()).contains("EDUCATION_SUBSIDY").doesNotContain("HOUSING_REPAIR");
		Page uploaded = page.upload("/sharing/assistance/files", "file", "教育资助.xlsx", workbook, "");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		assertThat(uploaded.body()).contains("新增 1 条").contains(reference).contains("教育资助");

		Page wrong = page.upload("/sharing/assistance/files", "file", "错误.xlsx", workbook(reference + "X", "632521199001011230"), "");
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("第 2 行").contains("校验位");
		assertThat(page.get("/sharing/assistance/template.csv").body()).startsWith("\uFEFF业务编号,身份证号码");
	}

	@Test
	void keepsADepartmentsSystemToItsScopesAndItsCounty() {
		String gongheResident = registered("多杰");
		assertProblem(housing.get("/api/v1/medical-settlements/" + UUID.randomUUID()), 403, "security.access-denied");
		assertProblem(housing.json("POST", "/api/v1/medical-settlements", "{}"), 403, "security.access-denied");
		assertProblem(housing.get("/api/v1/roster-feed"), 403, "security.access-denied");
		assertProblem(housing.get("/api/v1/cases"), 403, "security.access-denied");
		Partner forged = new Partner(port, housing.clientId(), housing.token().substring(0, housing.token().length() - 2) + "xx");
		assertProblem(forged.get("/api/v1/department-assistance"), 401, "security.token-invalid");
		assertThat(admin.post("/admin/clients", java.util.Map.of("name", "住建局", "unitId", housingUnit, "scopes",
				"medical-settlements:write")).body()).as("a housing department's system never gets a hospital's scope")
			.contains("不能授予这类单位的系统");

		tongde();
		Visitor tongdeAdmin = StaffFixtures.signedIn(port,
				staff.active(TONGDE, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		String tongdeHousingUnit = staff.active(TONGDE, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		Partner tongdeHousing = PartnerFixtures.register(port, tongdeAdmin, "同德县住建局系统", tongdeHousingUnit,
				"assistance-records:write roster-feed:read");
		assertProblem(tongdeHousing.json("POST", "/api/v1/department-assistance",
				report("TD-1", gongheResident, "HOUSING_REPAIR", "500")), 403, "sharing.person-outside-scope");

		assertThat(tongdeAdmin.json("PUT", "/api/v1/sharing-agreements/" + tongdeHousingUnit,
				"{\"categories\": [\"MINIMUM_LIVING_ALLOWANCE\"], \"fields\": [\"NAME\", \"ID_NUMBER\"]}").status())
			.isEqualTo(200);
		Page extract = tongdeHousing.get("/api/v1/roster-feed");
		assertThat(extract.status()).as(extract.body()).isEqualTo(200);
		assertThat(extract.body()).as("no Gonghe household in another county's feed")
			.doesNotContain("632521")
			.contains("\"entries\":[]");

		// Its one-hour token runs out (the node kept who it names, but never past its expiry).
		TestClock clock = context.getBean(TestClock.class);
		clock.advance(java.time.Duration.ofHours(2));
		try {
			assertProblem(tongdeHousing.get("/api/v1/roster-feed"), 401, "security.token-invalid");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void sendsNoMessagesWhenNoKafkaIsConfigured() {
		assertThat(context.getBeansOfType(OutboundMessages.class)).isEmpty();
		assertThat(context.getBeansOfType(CategoryChangeRelay.class)).isEmpty();
		assertThat(jdbc.sql("select count(*) from event_publication where event_type like 'org.jijinan.sharing.%V1'")
			.query(Integer.class)
			.single()).isZero();
	}

	private int reportsOfHousing() {
		return jdbc.sql("select count(*) from sharing_department_report where unit_id = :unit")
			.param("unit", UUID.fromString(housingUnit))
			.query(Integer.class)
			.single();
	}

	private static String report(String reference, String idNumber, String scheme, String amount) {
		return """
				{"reference": "%s", "idNumber": "%s", "scheme": "%s", "cause": "FIRE", "amount": %s,
				 "givenOn": "%s"}""".formatted(reference, idNumber, scheme, amount, TODAY);
	}

	private static byte[] bytes(String csv) {
		return csv.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] workbook(String reference, String idNumber) throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("资助");
			var header = sheet.createRow(0);
			String[] columns = { "发放日期", "业务编号", "身份证号码", "救助项目", "金额" };
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue(LocalDate.now(ZoneId.of("Asia/Shanghai")));
			row.getCell(0).setCellStyle(date);
			row.createCell(1).setCellValue(reference);
			row.createCell(2).setCellValue(idNumber);
			row.createCell(3).setCellValue("EDUCATION_SUBSIDY");
			row.createCell(4).setCellValue(1500);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** A person registered in Daotanghe with a household: their ID number. */
	private String registered(String name) {
		String idNumber = unregistered();
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"%s\", \"idNumber\": \"%s\", \"residence\": \"632521101201\"}".formatted(name, idNumber)));
		CaseFixtures.idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		return idNumber;
	}

	private static String unregistered() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

	/** A second county (同德县) with one township and one village, for scope tests. */
	private void tongde() {
		OtherCounty.ensure(context);
	}

}
