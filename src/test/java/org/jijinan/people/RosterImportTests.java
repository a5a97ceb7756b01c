package org.jijinan.people;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jijinan.SystemTest;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Roster imports end to end through the module's front door: mixed files, repeated uploads, interrupted runs,
 * look-alikes and category grants. Batches are 50 rows in tests.
 */
@SystemTest
class RosterImportTests {

	static final Caller CLERK = new TestCaller("roster.clerk", Set.of("WINDOW_CLERK"), "632521100");

	static final String HEADER = "姓名,公民身份号码,联系电话,户籍村代码,民族,现住址\n";

	static final AtomicLong UNIQUE = new AtomicLong();

	@Autowired
	RosterImports imports;

	@Autowired
	RosterJob job;

	@Autowired
	PersonRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Lookalikes lookalikes;

	@Autowired
	HouseholdRegister households;

	@Autowired
	CategoryStandings standings;

	@Test
	void importsEveryValidRowOnceAndReportsEveryBadRow() {
		List<String> good = numbers(6);
		String csv = HEADER + row("桑杰", good.get(0), "13909740001", PeopleTests.VILLAGE, "藏族")
				+ row("卓玛", good.get(1), "", PeopleTests.VILLAGE, "04")
				+ row("李华", good.get(2), "", PeopleTests.VILLAGE, "汉")
				+ row("马明", wrongCheck(good.get(3)), "", PeopleTests.VILLAGE, "回族")
				+ row("韩梅", impossibleDate(), "", PeopleTests.VILLAGE, "")
				+ row("王五", good.get(4), "", "632521100999", "")
				+ row("赵六", good.get(5), "", PeopleTests.OTHER_TOWNSHIP_VILLAGE, "")
				+ row("桑杰重复", good.get(0), "", PeopleTests.VILLAGE, "")
				+ row("", numbers(1).get(0), "", PeopleTests.VILLAGE, "")
				+ row("电话错", numbers(1).get(0), "123", PeopleTests.VILLAGE, "")
				+ row("民族错", numbers(1).get(0), "", PeopleTests.VILLAGE, "火星族");

		RosterImportView done = importAndWait(csv, "mixed.csv", null);

		assertThat(done.status()).isEqualTo("COMPLETED");
		assertThat(done.rowsTotal()).isEqualTo(11);
		assertThat(done.rowsAdded()).isEqualTo(3);
		assertThat(done.rowsFailed()).isEqualTo(8);
		assertThat(problemRows(done.id())).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(problemCodes(done.id())).contains("shared.id-number-check-digit", "shared.id-number-birth-date",
				"people.unknown-village", "people.out-of-scope", "people.roster-duplicate-row", "people.name-invalid",
				"shared.phone-malformed", "people.unknown-ethnicity");
		var found = registry.find(personWith(good.get(0)), CLERK);
		assertThat(found.name()).isEqualTo("桑杰");
		assertThat(found.ethnicity()).isEqualTo(Ethnicity.TIBETAN);
		assertThat(found.phone()).isEqualTo("139****0001");
		var report = new java.io.ByteArrayOutputStream();
		imports.writeReport(done.id(), CLERK, java.util.Locale.SIMPLIFIED_CHINESE, report);
		assertThat(report.toString(StandardCharsets.UTF_8)).contains("行号,列,原因").contains("5,公民身份号码,公民身份号码校验位不正确")
			.doesNotContain(good.get(0));
	}

	@Test
	void givesTheSameResultWhenTheSameFileIsUploadedAgain() {
		String csv = HEADER + numbers(3).stream().map(n -> row("重复上传", n, "", PeopleTests.VILLAGE, "")).reduce("",
				String::concat);
		RosterImportView first = importAndWait(csv, "twice.csv", null);
		long persons = count("people_person");

		RosterImportView second = imports.submit("twice-again.csv", stream(csv), null, first.fileName(), CLERK);

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.rowsAdded()).isEqualTo(3);
		assertThat(count("people_person")).isEqualTo(persons);
	}

	@Test
	void matchesPersonsWhoAreRegisteredAlreadyInsteadOfAddingThem() {
		List<String> registered = numbers(2);
		importAndWait(HEADER + row("甲", registered.get(0), "", PeopleTests.VILLAGE, "")
				+ row("乙", registered.get(1), "", PeopleTests.VILLAGE, ""), "first.csv", null);

		RosterImportView again = importAndWait(HEADER + row("甲", registered.get(0), "", PeopleTests.VILLAGE, "")
				+ row("乙", registered.get(1), "", PeopleTests.VILLAGE, "")
				+ row("丙", numbers(1).get(0), "", PeopleTests.VILLAGE, ""), "second.csv", null);

		assertThat(again.rowsMatched()).isEqualTo(2);
		assertThat(again.rowsAdded()).isEqualTo(1);
	}

	@Test
	void resumesAnInterruptedImportWithoutLosingOrDoublingARow() {
		List<String> all = numbers(180);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < all.size(); i++) {
			csv.append(row("断点" + i, all.get(i), "", PeopleTests.VILLAGE, ""));
			if (i % 40 == 0) {
				csv.append(row("坏行" + i, "12345", "", PeopleTests.VILLAGE, ""));
			}
		}
		RosterImportView accepted = imports.submit("resume.csv", stream(csv.toString()), null, "断点续传测试", CLERK,
				false);

		job.run(accepted.id(), 2);
		RosterImportView interrupted = imports.status(accepted.id(), CLERK);
		assertThat(interrupted.status()).isEqualTo("RUNNING");
		assertThat(interrupted.rowsDone()).as("two batches of 50 data rows").isEqualTo(100);
		job.run(accepted.id(), Integer.MAX_VALUE);
		assertThat(imports.status(accepted.id(), CLERK).status()).as("a live lease keeps others away").isEqualTo("RUNNING");

		jdbc.sql("update people_roster_import set lease_until = now() - interval '1 minute' where id = :id")
			.param("id", accepted.id())
			.update();
		job.run(accepted.id(), Integer.MAX_VALUE);

		RosterImportView done = imports.status(accepted.id(), CLERK);
		assertThat(done.status()).isEqualTo("COMPLETED");
		assertThat(done.rowsAdded()).isEqualTo(180);
		assertThat(done.rowsFailed()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from people_person where source_import = :id")
			.param("id", accepted.id())
			.query(Long.class)
			.single()).isEqualTo(180);
	}

	@Test
	void flagsALookAlikeWithAnotherIdNumberInsteadOfMergingIt() {
		String first = numbers(1).get(0);
		importAndWait(HEADER + row("才让多杰", first, "", PeopleTests.VILLAGE, ""), "one.csv", null);
		String otherBody = "632523" + first.substring(6, 17);
		String other = otherBody + ResidentIdNumber.checkCharacter(otherBody);

		RosterImportView done = importAndWait(HEADER + row("才让多杰", other, "", PeopleTests.VILLAGE, ""), "two.csv",
				null);

		assertThat(done.rowsAdded()).isEqualTo(1);
		assertThat(done.lookalikes()).isEqualTo(1);
		var pair = lookalikes.open(CLERK)
			.stream()
			.filter(open -> open.name().equals("才让多杰") && open.idNumber().equals(ResidentIdNumber.parse(other).masked()))
			.findFirst()
			.orElseThrow();
		assertThat(pair.resemblesNumber()).isEqualTo(ResidentIdNumber.parse(first).masked());
		long before = lookalikes.openCount(CLERK);
		lookalikes.resolve(pair.id(), Lookalikes.Outcome.DISTINCT, CLERK);
		assertThat(lookalikes.openCount(CLERK)).isEqualTo(before - 1);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(org.jijinan.shared.Conflict.class)
			.isThrownBy(() -> lookalikes.resolve(pair.id(), Lookalikes.Outcome.SAME, CLERK));
	}

	@Test
	void recordsTheRostersCategoryWithItsGradeAndSource() {
		String number = numbers(1).get(0);
		String csv = "姓名,公民身份号码,户籍村代码,残疾等级\n桑吉," + number + "," + PeopleTests.VILLAGE + ",二级\n"
				+ "无等级," + numbers(1).get(0) + "," + PeopleTests.VILLAGE + ",\n";

		RosterImportView done = importAndWait(csv, "disability.csv", "DISABILITY");

		assertThat(done.rowsAdded()).isEqualTo(1);
		assertThat(problemCodes(done.id())).containsExactly("people.grade-required");
		PersonId person = personWith(number);
		assertThat(jdbc.sql("select grade || ' ' || source from people_category_membership where person_id = :p")
			.param("p", person.value())
			.query(String.class)
			.single()).isEqualTo("2 disability.csv");
	}

	@Test
	void formsTheHouseholdsOfAHouseholdRosterAndGrantsThemTheCategory() {
		List<String> n = numbers(7);
		String village = PeopleTests.VILLAGE;
		String csv = "户主公民身份号码,姓名,公民身份号码,与户主关系,户籍村代码\n"
				+ String.join(",", n.get(0), "父", n.get(0), "户主", village) + "\n"
				+ String.join(",", n.get(0), "母", n.get(1), "配偶", village) + "\n"
				+ String.join(",", n.get(0), "子", n.get(2), "儿子", village) + "\n"
				+ String.join(",", n.get(3), "独居老人", n.get(3), "户主", village) + "\n"
				+ String.join(",", n.get(4), "无户主", n.get(5), "子女", village) + "\n"
				+ String.join(",", n.get(0), "错户主", n.get(6), "户主", village) + "\n";

		RosterImportView done = importAndWait(csv, "dibao.csv", "MINIMUM_LIVING_ALLOWANCE");

		assertThat(done.status()).as(String.valueOf(done.rejection())).isEqualTo("COMPLETED");
		assertThat(done.households()).isEqualTo(2);
		assertThat(done.rowsAdded()).isEqualTo(5);
		assertThat(problemCodes(done.id())).containsExactlyInAnyOrder("people.roster-head-missing",
				"people.roster-head-mismatch");
		PersonId son = personWith(n.get(2));
		var household = households.householdOf(son, CLERK).orElseThrow();
		assertThat(household.members()).extracting(HouseholdView.Member::name, HouseholdView.Member::relationship)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("父", Relationship.HEAD),
					org.assertj.core.groups.Tuple.tuple("母", Relationship.SPOUSE),
					org.assertj.core.groups.Tuple.tuple("子", Relationship.CHILD));
		assertThat(standings.standingsOf(son, CLERK)).extracting(StandingView::category)
			.containsExactly("MINIMUM_LIVING_ALLOWANCE");
		assertThat(households.householdOf(personWith(n.get(5)), CLERK)).isEmpty();

		RosterImportView again = importAndWait(csv, "dibao-again.csv", "MINIMUM_LIVING_ALLOWANCE");
		assertThat(again.rowsMatched()).isEqualTo(5);
		assertThat(households.householdOf(son, CLERK).orElseThrow().members()).hasSize(3);
		assertThat(standings.standingsOf(son, CLERK)).hasSize(1);
	}

	@Test
	void refusesAHouseholdRosterWithoutHeadAndRelationshipColumns() {
		RosterImportView done = importAndWait(HEADER + row("某", numbers(1).get(0), "", PeopleTests.VILLAGE, ""),
				"no-heads.csv", "MINIMUM_LIVING_ALLOWANCE");

		assertThat(done.status()).isEqualTo("REJECTED");
		assertThat(done.rejection()).isEqualTo("people.roster-household-columns");
	}

	@Test
	void refusesAFileWithoutTheRequiredColumnsAsAWhole() {
		RosterImportView done = importAndWait("名字,号码\n张三," + numbers(1).get(0) + "\n", "headers.csv", null);

		assertThat(done.status()).isEqualTo("REJECTED");
		assertThat(done.rejection()).isEqualTo("people.roster-headers");
		assertThat(done.rowsAdded()).isZero();
	}

	@Test
	void refusesAFileWithMoreRowsThanAllowedBeforeImportingAnyRow() {
		StringBuilder csv = new StringBuilder(HEADER);
		List<String> many = numbers(1001);
		many.forEach(n -> csv.append(row("超限", n, "", PeopleTests.VILLAGE, "")));

		RosterImportView done = importAndWait(csv.toString(), "oversize.csv", null);

		assertThat(done.status()).isEqualTo("REJECTED");
		assertThat(done.rejection()).isEqualTo("people.roster-too-many-rows");
		assertThat(jdbc.sql("select count(*) from people_person where source_import = :id")
			.param("id", done.id())
			.query(Long.class)
			.single()).isZero();
	}

	RosterImportView importAndWait(String csv, String name, String category) {
		RosterImportView started = imports.submit(name, stream(csv), category, name, CLERK);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> imports.status(started.id(), CLERK).finished());
		return imports.status(started.id(), CLERK);
	}

	PersonId personWith(String number) {
		return new PersonId(jdbc.sql("select id from people_person where id_number_masked = :masked and name <> ''"
				+ " and birth_date = :birth order by id")
			.param("masked", ResidentIdNumber.parse(number).masked())
			.param("birth", ResidentIdNumber.parse(number).birthDate())
			.query(UUID.class)
			.list()
			.get(0));
	}

	List<Integer> problemRows(UUID importId) {
		return jdbc.sql("select row_number from people_roster_problem where import_id = :id order by row_number")
			.param("id", importId)
			.query(Integer.class)
			.list();
	}

	List<String> problemCodes(UUID importId) {
		return jdbc.sql("select code from people_roster_problem where import_id = :id order by row_number")
			.param("id", importId)
			.query(String.class)
			.list();
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * Distinct valid numbers for the whole test run (issuing region 632522, which no other test uses).
	 */
	static List<String> numbers(int count) {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long n = UNIQUE.getAndIncrement();
			LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 1000);
			String body = "632522" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format("%03d", n % 1000);
			numbers.add(body + ResidentIdNumber.checkCharacter(body));
		}
		return numbers;
	}

	static String wrongCheck(String number) {
		return number.substring(0, 17) + (number.charAt(17) == '3' ? '4' : '3');
	}

	static String impossibleDate() {
		String body = "63252120150231" + "123";
		return body + ResidentIdNumber.checkCharacter(body);
	}

	static String row(String name, String number, String phone, String village, String ethnicity) {
		return String.join(",", name, number, phone, village, ethnicity, "") + "\n";
	}

	static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	record TestCaller(String name, Set<String> roles, String scope) implements Caller {

		@Override
		public DivisionCode regionScope() {
			return new DivisionCode(scope);
		}

	}

}
