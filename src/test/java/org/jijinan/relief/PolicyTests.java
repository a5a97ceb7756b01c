package org.jijinan.relief;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Relief parameters per region and period: county administrators enter them, a township's own set wins over the
 * county's, periods of one region never overlap, a file of sets is taken whole or not at all, and impossible values
 * are refused with the field at fault.
 */
@SystemTest
class PolicyTests {

	static final String TANGGEMU = "632521103";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor admin;

	Visitor reviewer;

	String rules;

	@BeforeEach
	void signIn() throws IOException {
		var staff = StaffFixtures.from(context);
		admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		try (InputStream in = PolicyTests.class.getResourceAsStream("/relief/rules.json")) {
			rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void prefersTheTownshipsOwnSetAndRefusesOverlappingPeriods() {
		Page defined = admin.json("POST", "/api/v1/relief-policies", set(TANGGEMU, "2031-01-01", "2031-12-31", rules));
		String id = idOf(defined);
		assertThat(defined.status()).isEqualTo(201);

		assertThat(reviewer.get("/api/v1/relief-policies/in-force?region=" + TANGGEMU + "&day=2031-03-01").body())
			.contains("\"id\":\"" + id + "\"").contains("\"urbanStandard\":800.00")
			.contains("\"version\":\"" + TANGGEMU + "/2031-01-01/" + id.substring(0, 8) + "\"");
		assertThat(reviewer.get("/api/v1/relief-policies/in-force?region=632521102&day=2031-03-01").body())
			.contains("\"region\":\"632521\"").contains("\"example\":true");

		assertProblem(admin.json("POST", "/api/v1/relief-policies", set(TANGGEMU, "2031-06-01", null, rules)), 422,
				"relief.policy-overlap");
		assertThat(admin.json("POST", "/api/v1/relief-policies/" + id + "/end", "{\"lastDay\": \"2031-05-31\"}").body())
			.contains("\"validTo\":\"2031-05-31\"");
		assertThat(admin.json("POST", "/api/v1/relief-policies", set(TANGGEMU, "2031-06-01", "2031-12-31", rules)).status())
			.isEqualTo(201);
		assertProblem(admin.json("POST", "/api/v1/relief-policies/" + id + "/end", "{\"lastDay\": \"2030-01-01\"}"), 422,
				"relief.policy-period-invalid");
	}

	@Test
	void refusesImpossibleValuesWithTheFieldAtFault() {
		assertProblem(admin.json("POST", "/api/v1/relief-policies",
				set(TANGGEMU, "2040-01-01", null, rules.replace("\"ratio\": 0.90", "\"ratio\": 1.90"))), 422,
				"relief.medical-rules-invalid");
		Page negative = admin.json("POST", "/api/v1/relief-policies",
				set(TANGGEMU, "2040-01-01", null, rules.replace("\"urbanStandard\": 800.00", "\"urbanStandard\": -1")));
		assertProblem(negative, 422, "relief.policy-invalid");
		assertThat(negative.body()).contains("urbanStandard");
		assertProblem(admin.json("POST", "/api/v1/relief-policies",
				set(TANGGEMU, "2040-01-01", null, rules.replace("\"months\": 3", "\"months\": 13"))), 422,
				"relief.policy-invalid");
		assertProblem(admin.json("POST", "/api/v1/relief-policies",
				set(TANGGEMU, "2040-01-01", null, rules.replace("\"medical\": {", "\"medicalX\": {"))), 422,
				"relief.policy-invalid");
		assertProblem(admin.json("POST", "/api/v1/relief-policies", set(TANGGEMU, "2040-06-01", "2040-01-01", rules)),
				422, "relief.policy-period-invalid");
		assertProblem(admin.json("POST", "/api/v1/relief-policies", "{\"region\": \"632521103\", \"rules\": ["), 400,
				"request.invalid-field-value");
		assertProblem(admin.json("POST", "/api/v1/relief-policies", set("999999", "2040-01-01", null, rules)), 400,
				"region.unknown-code");
		assertProblem(reviewer.json("POST", "/api/v1/relief-policies", set(TANGGEMU, "2040-01-01", null, rules)), 403,
				"relief.not-allowed");
		assertProblem(reviewer.get("/api/v1/relief-policies/in-force?region=" + TANGGEMU + "&day=2019-01-01"), 422,
				"relief.no-policy");
	}

	@Test
	void importsAFileOfSetsWholeOrNotAtAll() {
		String overlapping = "[" + set(TANGGEMU, "2035-01-01", "2035-12-31", rules) + ","
				+ set(TANGGEMU, "2035-07-01", null, rules) + "]";
		assertProblem(upload(overlapping), 422, "relief.policy-overlap");
		assertThat(reviewer.get("/api/v1/relief-policies/in-force?region=" + TANGGEMU + "&day=2035-02-01").body())
			.contains("\"region\":\"632521\"");

		Page imported = upload("[" + set(TANGGEMU, "2035-01-01", "2035-06-30", rules) + ","
				+ set(TANGGEMU, "2035-07-01", null, rules.replace("800.00", "850.00")) + "]");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(reviewer.get("/api/v1/relief-policies/in-force?region=" + TANGGEMU + "&day=2035-08-01").body())
			.contains("\"urbanStandard\":850.00");
		assertProblem(upload("[]"), 400, "relief.policy-file-empty");
		assertProblem(upload("not json"), 400, "relief.policy-malformed");
	}

	private Page upload(String content) {
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"policies.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/relief-policies/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", admin.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static String set(String region, String from, String to, String rules) {
		return """
				{"region": "%s", "validFrom": "%s", "validTo": %s, "example": false, "note": "共政〔2031〕1号", "rules": %s}"""
			.formatted(region, from, to == null ? "null" : "\"" + to + "\"", rules);
	}

}
