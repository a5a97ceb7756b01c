package org.jijinan.people;

import java.util.Map;

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
import static org.jijinan.people.PeopleTests.newIdNumber;

@SystemTest
class PeoplePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	@BeforeEach
	void signIn() {
		var account = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		clerk = StaffFixtures.signedIn(port, account);
	}

	@Test
	void registersFindsAndShowsAPersonMaskedThenRevealsWithAPurpose() {
		String number = newIdNumber("19880808", 2);
		clerk.get("/people/new");
		Page registered = clerk.post("/people", Map.of("name", "央金", "idNumber", number, "phone", "13909741234",
				"residence", PeopleTests.VILLAGE, "ethnicity", "TIBETAN"));
		assertThat(registered.status()).isEqualTo(302);
		String personPath = java.net.URI.create(registered.location()).getPath();

		clerk.get("/people");
		Page found = clerk.post("/people/searches", Map.of("idNumber", number));
		assertThat(found.body()).contains("央金").contains(personPath).doesNotContain(number);

		Page person = clerk.get(personPath);
		assertThat(person.body()).contains("央金").contains("藏族").contains("139****1234").doesNotContain(number)
			.doesNotContain("13909741234");
		Page withoutPurpose = clerk.post(personPath + "/reveals", Map.of("field", "PHONE", "purpose", "x"));
		assertThat(withoutPurpose.body()).contains("须说明用途").doesNotContain("13909741234");
		Page revealed = clerk.post(personPath + "/reveals", Map.of("field", "PHONE", "purpose", "回电确认情况"));
		assertThat(revealed.body()).contains("13909741234").doesNotContain("<html");
	}

	@Test
	void refusesAnOverlongAddressFromTheFormWithA400() {
		clerk.get("/people/new");

		Page refused = clerk.post("/people", Map.of("name", "某人", "idNumber", newIdNumber("19900101", 3), "residence",
				PeopleTests.VILLAGE, "address", "长".repeat(400)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("register-form");
	}

	@Test
	void keepsTheFormAndExplainsAWrongCheckDigit() {
		String number = newIdNumber("19880808", 2);
		String wrong = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
		clerk.get("/people/new");

		Page refused = clerk.post("/people", Map.of("name", "某人", "idNumber", wrong, "residence", PeopleTests.VILLAGE));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("校验位不正确").contains("某人");
	}

}
