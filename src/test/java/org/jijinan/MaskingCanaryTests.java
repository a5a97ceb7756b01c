package org.jijinan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2: a person's ID number and phone, a reporter's and a subject's phone and a payee's bank account — canaries put in
 * through the API on one case — never appear in full in anything the platform shows without a reveal: every GET
 * mapping, enumerated from the running application with its path filled from the case, read by seven roles, as HTML,
 * JSON, CSV, XLSX (every cell) and PDF (its extracted text).
 */
@SystemTest
class MaskingCanaryTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void showsNoFullIdNumberPhoneOrAccountInAnyOutput() throws Exception {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		var educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		String idNumber = idNumber();
		String phone = "1390974" + digits(4);
		String reporterPhone = "1380974" + digits(4);
		String subjectPhone = "1370974" + digits(4);
		String account = "62284800" + digits(11);

		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "拉姆", "idNumber": "%s", "phone": "%s", "residence": "632521101201"}""".formatted(idNumber,
				phone)));
		String household = CaseFixtures.idOf(
				clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		String request = org.jijinan.intake.IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "%s", "personId": "%s", "subjectPhone": "%s", "village": "632521101201",
				 "description": "房屋失火，无处居住", "causes": ["FIRE"]}""".formatted(reporterPhone, person, subjectPhone)));
		assertThat(reviewer.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "").status()).isEqualTo(200);
		String caseNumber = CaseFixtures.caseOf(reviewer, request);
		assertThat(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);
		String decision = CaseFixtures.idOf(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 3, "urban": false, "cashAmount": 1500,
				 "payeeName": "拉姆", "payeeAccount": "%s", "payeeBank": "中国农业银行共和县支行"}""".formatted(account)));
		String task = CaseFixtures.idOf(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/tasks", """
				{"unitId": "%s", "kind": "DEPARTMENT_ASSISTANCE", "request": "请落实教育资助", "dueWorkingDays": 5}"""
			.formatted(educationAccount.unitId().value())));

		Map<String, Visitor> roles = new LinkedHashMap<>();
		roles.put("clerk", clerk);
		roles.put("township reviewer", reviewer);
		roles.put("township approver", StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER)));
		roles.put("county", StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY,
				UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER, Role.COUNTY_APPROVER, Role.ADMINISTRATOR)));
		roles.put("department", StaffFixtures.signedIn(port, educationAccount));
		roles.put("charity", StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY, Role.CHARITY_OFFICER)));
		roles.put("social worker", StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SOCIAL_WORK_AGENCY, Role.SOCIAL_WORKER)));

		Set<String> paths = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues().forEach(pattern -> paths.add(fill(pattern, caseNumber, request, person,
						household, decision, task)));
			}
		});
		assertThat(paths).as("GET mappings found").hasSizeGreaterThan(100);

		List<String> leaks = new ArrayList<>();
		int read = 0;
		for (String path : paths) {
			if (path.startsWith("/logout") || path.equals("/error")) {
				continue;
			}
			for (Map.Entry<String, Visitor> role : roles.entrySet()) {
				String text = text(role.getValue(), path);
				read++;
				for (String canary : List.of(idNumber, phone, reporterPhone, subjectPhone, account)) {
					if (text.contains(canary)) {
						leaks.add(role.getKey() + " GET " + path + " shows " + canary.substring(0, 4) + "…");
					}
				}
			}
		}
		assertThat(read).isGreaterThan(700);
		assertThat(leaks).as("outputs showing a full number").isEmpty();
		assertThat(text(reviewer, "/api/v1/cases/" + caseNumber)).as("the case is readable at all")
			.contains(caseNumber);
		assertThat(reviewer.json("POST", "/api/v1/persons/" + person + "/reveals",
				"{\"field\": \"ID_NUMBER\", \"purpose\": \"核对身份，办理救助\"}").body())
			.as("a reveal, with a purpose, shows the number the scan looks for").contains(idNumber);
	}

	/**
	 * @return the answer as text: XLSX as its cells, PDF as its extracted text, anything else as UTF-8
	 */
	private static String text(Visitor visitor, String path) throws IOException, InterruptedException {
		byte[] body = visitor.sendBytes(HttpRequest.newBuilder(visitor.uri(path)));
		if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
			StringBuilder cells = new StringBuilder();
			DataFormatter formatter = new DataFormatter();
			try (var book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				book.forEach(sheet -> sheet.forEach(row -> row.forEach(
						cell -> cells.append(formatter.formatCellValue(cell)).append('\n'))));
			}
			catch (IOException | RuntimeException notAWorkbook) {
				return new String(body, StandardCharsets.ISO_8859_1);
			}
			return cells.toString();
		}
		if (body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
			Path pdf = Files.createTempFile("canary", ".pdf");
			Files.write(pdf, body);
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			return text;
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	private static String fill(String pattern, String caseNumber, String request, String person, String household,
			String decision, String task) {
		boolean requestRoute = pattern.contains("help-requests") || pattern.contains("/intake/requests")
				|| pattern.startsWith("/requests");
		return pattern.replace("{number}", requestRoute ? request : caseNumber)
			.replace("{n}", requestRoute ? request : caseNumber)
			.replace("{township}", "632521101")
			.replace("{code}", "632521101")
			.replaceAll("\\{id}", pattern.contains("/households/") ? household
					: pattern.contains("/persons/") ? person
							: pattern.contains("/decisions/") ? decision : pattern.contains("/tasks/") ? task : decision)
			.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000")
			.replace("/**", "");
	}

	private static String idNumber() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "") + digits(3);
		return body + ResidentIdNumber.checkCharacter(body);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

}
