package org.jijinan.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jijinan.PlatformProcesses;
import org.jijinan.ProcessStaff;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.shared.KeyMaterial;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key rotation where the keys live in the environment, as on an external database with several nodes, every step
 * its own process: the platform runs on key 1; it restarts with key 2 added to {@code JIJINAN_KEYS_RING}, records the
 * rotation and seals every older value again by itself; it restarts once more without key 1, holding only what the
 * retirement keeps of it — and every number still reads back and the audit chain verifies across both keys.
 */
class EnvironmentKeyRotationTests {

	private final PlatformProcesses platforms = new PlatformProcesses();

	private final List<Path> folders = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException, IOException {
		platforms.close();
		for (Path folder : folders) {
			BackupFolders.delete(folder);
		}
	}

	@Test
	void aKeyAddedInTheEnvironmentSealsEverythingAgainAndTheFirstKeyIsThenNoLongerNeeded() throws Exception {
		Path data = Files.createTempDirectory("jijinan-env-keys");
		folders.add(data);
		String first = key();
		String second = key();
		String withFirst = "--jijinan.keys.master=" + first;
		String logged = "--logging.level.org.jijinan.backup=INFO";

		int port = PlatformProcesses.freePort();
		Process onFirst = platforms.start(data, port, withFirst, logged);
		platforms.awaitReady(onFirst);
		Map<String, Visitor> staff = ProcessStaff.firstSignIn(port, ProcessStaff.firstPasswords(data, port),
				List.of("demo.township.reviewer", "demo.admin"));
		String idNumber = TestIdNumbers.fresh();
		String person = CaseFixtures.idOf(staff.get("demo.township.reviewer").json("POST", "/api/v1/persons", """
				{"name": "才让", "idNumber": "%s", "phone": "13909746543", "residence": "632521100201"}"""
			.formatted(idNumber)));
		stopped(onFirst);

		port = PlatformProcesses.freePort();
		Process onBoth = platforms.start(data, port, withFirst, "--jijinan.keys.ring=2:" + second, logged);
		platforms.awaitReady(onBoth);
		Path log = data.resolve("platform-" + port + ".log");
		String sealedAgain = await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(log, StandardCharsets.UTF_8),
					text -> text.contains("values again with master key 2"));
		assertThat(sealedAgain).containsPattern("Sealed [1-9][0-9]* values again with master key 2 \\(0 could not be opened\\)");
		Visitor admin = ProcessStaff.signedIn(port, "demo.admin");
		Page keys = admin.click(admin.get("/"), "主密钥");
		assertThat(keys.body()).contains("第 2 号密钥").contains("运维人员").contains("JIJINAN_KEYS_RING")
			.doesNotContain("更换主密钥").doesNotContain("销毁旧密钥");
		assertThat(admin.post("/admin/keys/rotate", Map.of()).body()).contains("请在环境变量中加入新密钥");
		stopped(onBoth);

		Map<String, String> retired = KeyMaterial.fromSettings(first, "2:" + second, null).without(1).properties();
		assertThat(retired).doesNotContainKey("jijinan.keys.master");
		port = PlatformProcesses.freePort();
		Process onSecond = platforms.start(data, port, "--jijinan.keys.ring=" + retired.get("jijinan.keys.ring"),
				"--jijinan.keys.retired=" + retired.get("jijinan.keys.retired"));
		platforms.awaitReady(onSecond);
		Visitor reviewer = ProcessStaff.signedIn(port, "demo.township.reviewer");
		assertThat(BackupDrillTests.reveal(reviewer, person, "ID_NUMBER")).isEqualTo(idNumber);
		assertThat(BackupDrillTests.reveal(reviewer, person, "PHONE")).isEqualTo("13909746543");
		Page found = reviewer.json("POST", "/api/v1/persons/searches",
				"{\"idNumber\": \"%s\", \"page\": 0, \"size\": 10}".formatted(idNumber));
		assertThat(found.body()).as("found by the number hashed under key 1").contains(person);
		Visitor county = ProcessStaff.signedIn(port, "demo.admin");
		county.click(county.get("/"), "审计");
		assertThat(county.post("/admin/audit/verification", Map.of()).body()).contains("审计链完整");
	}

	private static void stopped(Process process) throws InterruptedException {
		process.destroy();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	private static String key() {
		byte[] key = new byte[32];
		ThreadLocalRandom.current().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
