package org.jijinan.people;

import java.time.Duration;
import java.util.List;

import org.jijinan.SystemTest;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.people.RosterImportTests.CLERK;

/**
 * Registers, finds, reveals, refuses and imports persons while capturing everything the application logs: no full
 * ID or phone number may appear in it.
 */
@SystemTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTests {

	@Autowired
	PersonRegistry registry;

	@Autowired
	PersonFinder finder;

	@Autowired
	RosterImports imports;

	@Test
	void logsNoFullIdOrPhoneNumber(CapturedOutput output) {
		List<String> numbers = RosterImportTests.numbers(3);
		String phone = "13512345678";
		var person = registry.register(new NewPerson("日志测试", numbers.get(0), null, null, null, phone,
				new DivisionCode(PeopleTests.VILLAGE), null), CLERK);
		finder.search(new PersonSearch(numbers.get(0), null, phone, null, null, 0, 10), CLERK);
		registry.reveal(person.id(), RevealableField.ID_NUMBER, "日志扫描测试", CLERK);
		try {
			registry.register(new NewPerson("重复", numbers.get(0), null, null, null, null,
					new DivisionCode(PeopleTests.VILLAGE), null), CLERK);
		}
		catch (org.jijinan.shared.Conflict expected) {
			// refused as a duplicate, as it should be
		}
		var started = imports.submit("log.csv", RosterImportTests.stream(RosterImportTests.HEADER
				+ RosterImportTests.row("导入", numbers.get(1), "13600000001", PeopleTests.VILLAGE, "")
				+ RosterImportTests.row("坏", RosterImportTests.wrongCheck(numbers.get(2)), "", PeopleTests.VILLAGE, "")),
				null, "log scan", CLERK);
		await().atMost(Duration.ofSeconds(30)).until(() -> imports.status(started.id(), CLERK).finished());

		for (String secret : List.of(numbers.get(0), numbers.get(1), RosterImportTests.wrongCheck(numbers.get(2)), phone,
				"13600000001")) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

}
