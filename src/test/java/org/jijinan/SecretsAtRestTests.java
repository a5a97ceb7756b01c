package org.jijinan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S15: ID numbers, phone numbers and bank accounts are stored only sealed. Canary values go in through the API as a
 * person's ID number and phone, a reporter's and a subject's phone on a request that becomes a case, and the payee's
 * bank account of a decision; then every text, JSON and binary column of every table — what a {@code pg_dump} would
 * show — is searched for them.
 */
@SystemTest
class SecretsAtRestTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesNoIdNumberPhoneOrBankAccountInTheClear() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		String idNumber = idNumber();
		String personPhone = "1390974" + digits(4);
		String reporterPhone = "1380974" + digits(4);
		String subjectPhone = "1370974" + digits(4);
		String account = "62284800" + digits(11);

		Page person = clerk.json("POST", "/api/v1/persons", """
				{"name": "央金", "idNumber": "%s", "phone": "%s", "residence": "632521101201"}"""
			.formatted(idNumber, personPhone));
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		String number = CaseFixtures.acceptedCase(clerk, reviewer, """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "%s", "subjectName": "央金", "subjectPhone": "%s", "village": "632521101201",
				 "description": "房屋失火，无处居住", "causes": ["FIRE"]}""".formatted(reporterPhone, subjectPhone));
		assertThat(reviewer.json("POST", "/api/v1/cases/" + number + "/person",
				"{\"personId\": \"" + CaseFixtures.idOf(person) + "\"}").status()).isEqualTo(200);
		assertThat(reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);
		Page proposed = reviewer.json("POST", "/api/v1/cases/" + number + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 3, "urban": false, "cashAmount": 1500,
				 "payeeName": "央金", "payeeAccount": "%s", "payeeBank": "中国农业银行共和县支行"}""".formatted(account));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

		List<String> found = new ArrayList<>();
		for (String canary : List.of(idNumber, personPhone, reporterPhone, subjectPhone, account)) {
			found.addAll(columnsHolding(canary));
		}
		assertThat(found).as("columns holding a secret in the clear").isEmpty();
		assertThat(columnsHolding("央金")).as("the scan reads the tables (names are not sealed)").isNotEmpty();
	}

	/**
	 * @return {@code table.column} for every column of every table in the schema that holds the text
	 */
	private List<String> columnsHolding(String text) {
		List<String> holding = new ArrayList<>();
		List<String[]> columns = jdbc.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				   and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')""")
			.query((row, n) -> new String[] { row.getString(1), row.getString(2), row.getString(3) })
			.list();
		for (String[] column : columns) {
			String test = column[2].equals("bytea") ? "position(convert_to(:text, 'UTF8') in \"%s\") > 0"
					: "\"%s\"::text like '%%' || :text || '%%'";
			int rows = jdbc.sql("select count(*) from \"%s\" where ".formatted(column[0]) + test.formatted(column[1]))
				.param("text", text)
				.query(Integer.class)
				.single();
			if (rows > 0) {
				holding.add(column[0] + "." + column[1]);
			}
		}
		return holding;
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
