package org.jijinan.identity;

import org.jijinan.TestPlatform;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside demo mode: no demo units, villages or accounts; the first administrator comes from the environment and
 * must change the password at the first login.
 */
@SpringBootTest(properties = { "jijinan.demo.enabled=false", "jijinan.bootstrap.username=Chief.Admin",
		"jijinan.bootstrap.password=Snow-Leopard-7731" })
@Import(TestPlatform.class)
class FirstAdministratorTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Units units;

	@Autowired
	RegionDirectory regions;

	@Test
	void createsOnlyTheAdministratorFromTheEnvironment() {
		assertThat(accounts.findAll()).singleElement().satisfies(admin -> {
			assertThat(admin.username()).isEqualTo("chief.admin");
			assertThat(admin.roles()).containsExactly(Role.ADMINISTRATOR);
			assertThat(admin.mustChangePassword()).isTrue();
			assertThat(admin.demo()).isFalse();
		});
		assertThat(units.findAll()).singleElement().satisfies(unit -> {
			assertThat(unit.kind()).isEqualTo(UnitKind.COUNTY_CIVIL_AFFAIRS);
			assertThat(unit.name()).isEqualTo("共和县民政局");
		});
	}

	@Test
	void loadsTheOfficialDivisionsButNoDemoVillages() {
		assertThat(regions.find(new DivisionCode("632521105"))).isPresent();
		assertThat(regions.children(new DivisionCode("632521100"))).isEmpty();
	}

}
