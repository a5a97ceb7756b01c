package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.KeyRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The county administrator's backups: started from the backups page, recorded and audited, kept up to the retention
 * count; a failed or missed backup is on the administrator's workbench and in the health endpoint until one succeeds.
 * Pages are reached by following the links people read.
 */
@SystemTest
class ScheduledBackupsTests {


	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() throws IOException {
		((TestClock) clock).reset();
		if (Files.isRegularFile(folder())) {
			Files.delete(folder());
		}
	}

	@Test
	void anAdministratorBacksUpAndSeesAFailedOrMissedBackupOnTheWorkbenchUntilOneSucceeds() throws Exception {
		StaffFixtures staff = StaffFixtures.from(context);
		StaffFixtures.Opened account = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.ADMINISTRATOR);
		Visitor admin = StaffFixtures.signedIn(port, account);
		Page page = admin.click(admin.get("/"), "数据备份");
		assertThat(page.body()).contains("备份状态").contains("立即备份");
		long taken = audited("backup.taken");

		page = backUp(admin);
		assertThat(page.body()).contains("成功，");
		assertThat(page.body()).as("who started it, by name, never by login name").doesNotContain(account.username());
		assertThat(audited("backup.taken")).isEqualTo(taken + 1);
		Path newest = newestBackup();
		Manifest manifest = Backups.check(newest);
		assertThat(Backups.openKey(manifest, "test-backup-passphrase-kept-elsewhere".toCharArray()))
			.as("the whole key ring, sealed").isEqualTo(context.getBean(KeyRing.class).keys().portable());
		assertThat(manifest.tables()).extracting(Manifest.TableContent::table).contains("backup_run", "audit_record");

		deleteFolder();
		Files.writeString(folder(), "a file where the backup folder should be");
		long failed = audited("backup.failed");
		page = backUp(admin);
		assertThat(page.body()).contains("最近一次备份失败").contains("失败：");
		assertThat(audited("backup.failed")).isEqualTo(failed + 1);
		Page home = admin.get("/");
		assertThat(home.body()).contains("最近一次数据备份失败");
		assertThat(health()).contains("\"status\":\"WARNING\"");

		page = admin.click(home, "最近一次数据备份失败");
		Files.delete(folder());
		backUp(admin);
		backUp(admin);
		page = backUp(admin);
		assertThat(page.body()).doesNotContain("最近一次备份失败");
		assertThat(admin.get("/").body()).doesNotContain("数据备份失败");
		assertThat(health()).contains("\"status\":\"UP\"");
		try (Stream<Path> kept = Files.list(folder())) {
			assertThat(kept.filter(path -> Files.exists(path.resolve(Manifest.FILE_NAME))).count())
				.as("the retention count of the tests' settings").isEqualTo(2);
		}

		((TestClock) clock).advance(Duration.ofHours(27));
		assertThat(admin.click(admin.get("/"), "数据备份已逾期").body()).contains("超过规定时间没有成功的备份");
		assertThat(health()).contains("\"status\":\"WARNING\"");
	}

	@Test
	void onlyTheCountysAdministratorsAreOfferedBackups() {
		StaffFixtures staff = StaffFixtures.from(context);
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR));
		assertThat(township.get("/").body()).doesNotContain("数据备份");
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		assertThat(reviewer.get("/").body()).doesNotContain("数据备份");
		assertThat(reviewer.get("/admin/backups").status()).isEqualTo(403);
		assertThat(reviewer.post("/admin/backups", Map.of()).status()).isEqualTo(403);
	}

	/**
	 * Opens 数据备份 from the menu, presses 立即备份 and reloads the page it lands on until it
	 * lists the run it started.
	 */
	private Page backUp(Visitor admin) {
		Page page = admin.click(admin.get("/"), "数据备份");
		assertThat(page.body()).contains("立即备份");
		String action = page.body().replaceAll("(?s).*<form id=\"backup-form\" action=\"([^\"]+)\".*", "$1");
		int before = rows(page);
		Page started = admin.post(action, Map.of());
		assertThat(started.redirectsTo("/admin/backups")).as(started.body()).isTrue();
		Page progress = admin.get("/admin/backups/progress");
		assertThat(progress.status()).as(progress.body()).isEqualTo(200);
		assertThat(progress.body()).as("the part of the page that follows a running backup")
			.contains("id=\"backup-state\"");
		if (progress.body().contains("id=\"backup-progress\"")) {
			assertThat(progress.body()).containsPattern("hx-get=\"/admin/backups/progress\"")
				.containsPattern("id=\"backup-percent\">\\d{1,3}%");
		}
		String landing = java.net.URI.create(started.location()).getPath();
		assertThat(admin.get(landing).body()).contains("备份已开始");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> rows(admin.get(landing)) > before);
		return admin.get(landing);
	}

	private static int rows(Page page) {
		String body = page.body();
		int table = body.indexOf("id=\"backup-runs\"");
		return table < 0 ? 0 : body.substring(table).split("<tr>", -1).length - 2;
	}

	/** The test JVM's own backup folder (config/application.yaml). */
	private Path folder() {
		return Path.of(context.getEnvironment().getRequiredProperty("jijinan.backup.folder"));
	}

	private String health() {
		return new Visitor(managementPort).get("/actuator/health").body();
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_record where action = ?").param(action).query(Long.class).single();
	}

	private Path newestBackup() throws IOException {
		try (Stream<Path> backups = Files.list(folder())) {
			return backups.max(Comparator.comparing(Path::toString)).orElseThrow();
		}
	}

	private void deleteFolder() throws IOException {
		if (!Files.exists(folder())) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder())) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
