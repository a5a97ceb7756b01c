package org.jijinan.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.audit.ChainVerification;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.KeyMaterial;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotating the master key as a county administrator does it: from the 主密钥 page, a new key seals at once, every
 * older ID number, phone and bank account of every module is sealed again in the background while the page shows
 * how far it is, and once all are, the older key is retired: its file is gone, every sealed value still reads back,
 * people are still found by their numbers, and the audit chain verifies across both keys.
 */
@SystemTest
class KeyRotationTests {


	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeyRing keys;

	@Autowired
	Sealer sealer;

	@Autowired
	List<SealedColumns> owners;

	@Autowired
	ChainVerification chain;

	@Autowired
	Environment environment;

	@Test
	void anAdministratorRotatesTheKeyEveryValueIsSealedAgainAndTheOldKeyIsRetired() {
		StaffFixtures staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String idNumber = TestIdNumbers.fresh();
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "拉姆", "idNumber": "%s", "phone": "13909741234", "residence": "632521100201"}"""
			.formatted(idNumber)));
		Page request = clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13809745678", "personId": "%s", "subjectPhone": "13709749876",
				 "village": "632521100201", "description": "房屋失火", "causes": ["FIRE"]}""".formatted(person));
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		List<String> before = everyValue();
		int first = keys.current();

		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Page page = admin.click(admin.get("/"), "主密钥");
		assertThat(page.body()).contains("第 " + first + " 号密钥").contains("更换主密钥").doesNotContain("销毁旧密钥");

		Page rotated = admin.post(action(page, "rotate-form"), Map.of());
		assertThat(rotated.redirectsTo("/admin/keys")).as(rotated.body()).isTrue();
		assertThat(admin.get("/admin/keys").body()).contains("已启用新密钥").contains("第 " + (first + 1) + " 号密钥");
		assertThat(sealer.seal("13909741234", "people.phone")).as("new values are sealed with the new key at once")
			.startsWith(Sealer.prefix(first + 1));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> admin.get("/admin/keys/progress").body().contains("销毁旧密钥"));
		page = admin.get("/admin/keys");
		assertThat(page.body()).contains("已用新密钥重新加密").doesNotContain("更换主密钥");
		assertThat(olderValues()).as("no value is left sealed with an older key").isZero();
		assertThat(jdbc.sql("select resealed from backup_key_rotation where key_number = ?").param(first + 1)
			.query(Long.class).single()).as("values sealed before were sealed again, not merely new ones written")
			.isGreaterThanOrEqualTo(5);
		assertThat(audited("backup.key-rotated")).isPositive();
		assertThat(audited("backup.values-resealed")).isPositive();

		Page again = admin.post("/admin/keys/rotate", Map.of());
		assertThat(again.status()).as("one rotation at a time").isBetween(400, 499);
		assertThat(again.body()).contains("还保留着旧密钥");
		Page retired = admin.post(action(page, "retire-form"), Map.of());
		assertThat(retired.redirectsTo("/admin/keys")).as(retired.body()).isTrue();
		assertThat(admin.get("/admin/keys").body()).contains("旧密钥已销毁").contains("更换主密钥");
		Path folder = Path.of(environment.getRequiredProperty("jijinan.keys.file")).toAbsolutePath().getParent();
		KeyMaterial onDisk = KeyMaterial.read(folder);
		assertThat(onDisk.masters().keySet()).as("only the new key is left to open anything")
			.containsExactly(first + 1);
		assertThat(keys.keys().masters().keySet()).containsExactly(first + 1);

		assertThat(everyValue()).as("every value sealed before the rotation reads back without the old key")
			.containsAll(before);
		Page found = clerk.json("POST", "/api/v1/persons/searches",
				"{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}".formatted(idNumber));
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.body()).as("a person is still found by the number hashed before the rotation")
			.contains(person);
		assertThat(chain.verify().intact()).as("records of both keys verify").isTrue();
		assertThat(audited("backup.keys-retired")).isPositive();
	}

	@Test
	void retiringWithoutAnOlderKeyIsRefusedBesideTheButtonAndOnlyAdministratorsSeeThePage() {
		StaffFixtures staff = StaffFixtures.from(context);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Page page = admin.click(admin.get("/"), "主密钥");
		if (keys.keys().masters().size() == 1) {
			assertThat(page.body()).doesNotContain("销毁旧密钥");
			Page refused = admin.post("/admin/keys/retire", Map.of());
			assertThat(refused.status()).isBetween(400, 499);
			assertThat(refused.body()).contains("没有可以销毁的旧密钥").contains("更换主密钥");
		}
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		assertThat(reviewer.get("/").body()).doesNotContain("主密钥");
		assertThat(reviewer.get("/admin/keys").status()).isEqualTo(403);
		assertThat(reviewer.post("/admin/keys/rotate", Map.of()).status()).isEqualTo(403);
	}

	/** Every sealed value of every module, opened with the keys the platform holds now. */
	private List<String> everyValue() {
		List<String> values = new ArrayList<>();
		for (SealedColumns owner : owners) {
			for (SealedColumns.Column column : owner.sealedColumns()) {
				jdbc.sql("select " + column.column() + " from " + column.table() + " where " + column.column()
						+ " is not null")
					.query(String.class)
					.list()
					.forEach(sealed -> values.add(column.purpose() + "=" + sealer.open(sealed, column.purpose())));
			}
		}
		return values;
	}

	private long olderValues() {
		long older = 0;
		for (SealedColumns owner : owners) {
			for (SealedColumns.Column column : owner.sealedColumns()) {
				older += jdbc.sql("select count(*) from " + column.table() + " where " + column.column()
						+ " not like ?")
					.param(Sealer.prefix(keys.current()) + "%")
					.query(Long.class)
					.single();
			}
		}
		return older;
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_record where action = ?").param(action).query(Long.class).single();
	}

	private static String action(Page page, String form) {
		Matcher found = Pattern.compile("<form id=\"" + form + "\" action=\"([^\"]+)\"").matcher(page.body());
		assertThat(found.find()).as("the page offers " + form).isTrue();
		return found.group(1);
	}

}
