package org.jijinan.identity;

import java.io.IOException;
import java.util.Base64;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.TestPlatform;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On an external PostgreSQL (standard {@code spring.datasource.*} properties, migrations as the owner, the
 * application as a DML-only role): no demo units, villages or accounts; the first administrator comes from the
 * environment and must change the password at the first login.
 */
@SpringBootTest(properties = { "jijinan.bootstrap.username=Chief.Admin",
		"jijinan.bootstrap.password=Snow-Leopard-7731" })
@Import(TestPlatform.class)
@DirtiesContext
class FirstAdministratorTests {

	static final EmbeddedPostgres EXTERNAL = start();

	@Autowired
	Accounts accounts;

	@Autowired
	Units units;

	@Autowired
	RegionDirectory regions;

	@Autowired
	DeploymentMode mode;

	@Autowired
	JdbcClient application;

	@DynamicPropertySource
	static void external(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + EXTERNAL.getPort() + "/county");
		registry.add("spring.datasource.username", () -> "county_app");
		registry.add("spring.datasource.password", () -> "app-secret");
		registry.add("spring.flyway.user", () -> "postgres");
		registry.add("spring.flyway.password", () -> "");
		registry.add("jijinan.keys.master", () -> Base64.getEncoder().encodeToString(new byte[32]));
	}

	@Test
	void runsWithoutDemoModeOnAnExternalDatabase() {
		assertThat(mode.demo()).isFalse();
		assertThat(mode.embeddedDatabase()).isFalse();
	}

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

	@Test
	void grantsTheApplicationRoleNoWayToChangeAuditRecords() {
		assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo("county_app");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> application.sql("delete from audit_record").update())
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			var admin = new JdbcTemplate(postgres.getPostgresDatabase());
			admin.execute("create role county_app login password 'app-secret'");
			admin.execute("create database county");
			return postgres;
		}
		catch (IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
