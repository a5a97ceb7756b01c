package org.jijinan.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jijinan.PlatformProcesses;
import org.jijinan.PlatformProcesses.Command;
import org.jijinan.ProcessStaff;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.relief.ApprovedDecisions;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The restore drill, as a county would run it, every step its own process. It begins on the data of an earlier
 * release, restored from that release's backup: the current platform starts on it (migrations run forward, the demo
 * data is not loaded again, the earlier key reads the earlier numbers). Then the platform works (people registered
 * with ID and phone numbers, requests with a photo, approved aid in a payment batch), a backup is taken while
 * requests keep arriving, the platform stops, its data folder is lost, the backup is restored (after a wrong
 * passphrase, an altered copy and an occupied folder are refused without writing anything) and the platform starts
 * again: everything from before the backup is there and readable with the restored key, the audit chain is intact,
 * the photo downloads, and what was sent after the backup is not there at all.
 */
class BackupDrillTests {

	private static final String VILLAGE = "632521100201";

	/** A backup of a data folder made by an earlier release (see its README). */
	private static final String EARLIER_RELEASE = "schema-1.190";

	private static final String EARLIER_PERSON = "63dbad47-c8d9-47ad-a1f4-7441a596fc6e";

	private static final String EARLIER_REQUEST = "JJN-20261206-000001";

	private static final String PASSPHRASE = "共和县民政局 备份口令 保险柜 2026";

	private final PlatformProcesses platforms = new PlatformProcesses();

	private final List<Path> folders = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException, IOException {
		platforms.close();
		for (Path folder : folders) {
			delete(folder);
		}
	}

	@Test
	void aCountyBacksUpWhileWorkingLosesItsDataFolderAndComesBackWithEveryRecord() throws Exception {
		Path data = Files.createTempDirectory("jijinan-drill");
		Path vault = Files.createTempDirectory("jijinan-drill-vault");
		folders.addAll(List.of(data, vault));
		Path passphrase = Files.writeString(vault.resolve("passphrase.txt"), PASSPHRASE);
		Path backup = vault.resolve("backup");

		Path earlier = Path.of(BackupDrillTests.class.getResource("/upgrade/" + EARLIER_RELEASE + "/manifest.json").toURI())
			.getParent();
		Command upgraded = PlatformProcesses.command(data, "restore", "--from", earlier.toString(), "--passphrase-file",
				earlier.resolveSibling(EARLIER_RELEASE + ".passphrase").toString());
		assertThat(upgraded.status()).as(upgraded.output()).isZero();
		int port = PlatformProcesses.freePort();
		Process working = platforms.start(data, port);
		platforms.awaitReady(working);
		assertThat(Files.readString(data.resolve("platform-" + port + ".log"), StandardCharsets.UTF_8))
			.as("the demo data of the earlier release is not loaded again").doesNotContain("DEMO ACCOUNTS");
		Map<String, Visitor> staff = new LinkedHashMap<>();
		for (String username : List.of("demo.clerk", "demo.township.reviewer", "demo.county.reviewer",
				"demo.township.approver")) {
			staff.put(username, ProcessStaff.signedIn(port, username));
		}
		assertThat(reveal(staff.get("demo.township.reviewer"), EARLIER_PERSON, "ID_NUMBER"))
			.as("a number sealed by the earlier release reads back with its key").isEqualTo("632521195803120016");
		assertThat(staff.get("demo.clerk").get("/api/v1/help-requests/" + EARLIER_REQUEST).body()).contains("上一版本收到的求助");
		Visitor reviewer = staff.get("demo.township.reviewer");
		Visitor clerk = staff.get("demo.clerk");

		Map<String, List<String>> canaries = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			String idNumber = idNumber();
			String phone = "1390974" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
			canaries.put(CaseFixtures.idOf(reviewer.json("POST", "/api/v1/persons", """
					{"name": "才让", "idNumber": "%s", "phone": "%s", "residence": "%s"}""".formatted(idNumber, phone,
					VILLAGE))), List.of(idNumber, phone));
		}
		String withPhoto = received(clerk, "屋顶被雪压塌");
		byte[] photo = photo();
		Page attached = clerk.upload("/api/v1/help-requests/" + withPhoto + "/attachments", "file", "屋顶.png", photo, "");
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		String photoId = attached.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		for (int i = 0; i < 2; i++) {
			ApprovedDecisions.throughTheApi(staff);
		}
		Page batch = staff.get("demo.township.approver").json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		String batchId = batch.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");

		Traffic traffic = new Traffic(ProcessStaff.signedIn(port, "demo.clerk"));
		Thread arriving = new Thread(traffic, "window-clerk");
		arriving.start();
		await().atMost(java.time.Duration.ofSeconds(30)).until(() -> traffic.sent.size() >= 2);
		long backupStarted = System.nanoTime();
		Command backedUp = PlatformProcesses.command(data, "backup", "--to", backup.toString(), "--passphrase-file",
				passphrase.toString());
		long backupEnded = System.nanoTime();
		await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> traffic.sent.stream().filter(sent -> sent.at() > backupEnded).count() >= 2);
		traffic.running.set(false);
		arriving.join();
		assertThat(traffic.failures).as("requests kept being received during the backup").isEmpty();
		assertThat(backedUp.status()).as(backedUp.output()).isZero();
		assertThat(backedUp.output()).contains("reading its database while it works").contains("Backup written to");

		Command whileRunning = PlatformProcesses.command(data, "restore", "--from", backup.toString(),
				"--passphrase-file", passphrase.toString());
		assertThat(whileRunning.status()).as(whileRunning.output()).isEqualTo(2);
		assertThat(whileRunning.output()).contains("stop it before the restore");
		working.destroy();
		assertThat(working.waitFor(60, TimeUnit.SECONDS)).isTrue();
		Command overData = PlatformProcesses.command(data, "restore", "--from", backup.toString(),
				"--passphrase-file", passphrase.toString());
		assertThat(overData.status()).as(overData.output()).isEqualTo(2);
		assertThat(overData.output()).contains("already holds a platform's data");
		Path wrong = Files.writeString(vault.resolve("wrong.txt"), "共和县民政局 备份口令 抽屉里 2026");
		Command replaceWrongly = PlatformProcesses.command(data, "restore", "--replace", "--from", backup.toString(),
				"--passphrase-file", wrong.toString());
		assertThat(replaceWrongly.status()).as(replaceWrongly.output()).isEqualTo(2);
		assertThat(replaceWrongly.output()).contains("Wrong passphrase");
		assertThat(data.resolve("postgres/PG_VERSION")).as("--replace removes nothing before the passphrase is right")
			.exists();
		assertThat(data.resolve("keys/master.key")).exists();

		delete(data);
		Files.createDirectories(data);
		Command wrongPassphrase = PlatformProcesses.command(data, "restore", "--from", backup.toString(),
				"--passphrase-file", wrong.toString());
		assertThat(wrongPassphrase.status()).as(wrongPassphrase.output()).isEqualTo(2);
		assertThat(wrongPassphrase.output()).contains("Wrong passphrase");
		Path altered = copy(backup, vault.resolve("altered"));
		flipOneByte(altered.resolve("database/intake_help_request.copy.gz"));
		Command alteredCopy = PlatformProcesses.command(data, "restore", "--from", altered.toString(),
				"--passphrase-file", passphrase.toString());
		assertThat(alteredCopy.status()).as(alteredCopy.output()).isEqualTo(2);
		assertThat(alteredCopy.output()).contains("does not match its SHA-256");
		try (Stream<Path> left = Files.list(data)) {
			assertThat(left.map(path -> path.getFileName().toString()).toList())
				.as("a refused restore writes nothing but the folder's lock").containsOnly("platform.lock");
		}

		Command restored = PlatformProcesses.command(data, "restore", "--from", backup.toString(), "--passphrase-file",
				passphrase.toString());
		assertThat(restored.status()).as(restored.output()).isZero();
		assertThat(restored.output()).contains("Rows per table after the restore")
			.containsPattern("intake_help_request\\s+[0-9,]+")
			.contains("Audit chain intact");

		port = PlatformProcesses.freePort();
		Process again = platforms.start(data, port);
		platforms.awaitReady(again);
		assertThat(Files.readString(data.resolve("platform-" + port + ".log"), StandardCharsets.UTF_8))
			.as("the demo data is not loaded a second time").doesNotContain("DEMO ACCOUNTS");
		Visitor back = ProcessStaff.signedIn(port, "demo.township.reviewer");
		for (Map.Entry<String, List<String>> person : canaries.entrySet()) {
			assertThat(reveal(back, person.getKey(), "ID_NUMBER")).isEqualTo(person.getValue().get(0));
			assertThat(reveal(back, person.getKey(), "PHONE")).isEqualTo(person.getValue().get(1));
		}
		Visitor clerkAgain = ProcessStaff.signedIn(port, "demo.clerk");
		assertThat(clerkAgain.sendBytes(java.net.http.HttpRequest.newBuilder(
				clerkAgain.uri("/api/v1/help-requests/" + withPhoto + "/attachments/" + photoId))))
			.isEqualTo(photo);
		Page batchAgain = ProcessStaff.signedIn(port, "demo.township.approver")
			.get("/api/v1/payment-batches/" + batchId);
		assertThat(batchAgain.status()).isEqualTo(200);
		assertThat(batchAgain.body()).contains("\"orderCount\":2");

		int before = 0;
		int after = 0;
		for (Sent sent : traffic.sent) {
			int status = back.get("/api/v1/help-requests/" + sent.number()).status();
			if (sent.answered() < backupStarted) {
				before++;
				assertThat(status).as(sent.number() + " was received before the backup began").isEqualTo(200);
			}
			else if (sent.at() > backupEnded) {
				after++;
				assertThat(status).as(sent.number() + " was sent after the backup ended").isEqualTo(404);
			}
			else {
				assertThat(status).as(sent.number() + " arrived during the backup: whole or absent").isIn(200, 404);
			}
		}
		assertThat(before).isGreaterThanOrEqualTo(2);
		assertThat(after).isGreaterThanOrEqualTo(2);
	}

	private static String received(Visitor clerk, String description) {
		Page request = clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909740202",
				 "subjectName": "多杰", "village": "%s", "description": "%s", "causes": ["NATURAL_DISASTER"]}"""
			.formatted(VILLAGE, description));
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		return request.body().replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
	}

	static String reveal(Visitor reviewer, String person, String field) {
		Page revealed = reviewer.json("POST", "/api/v1/persons/" + person + "/reveals",
				"{\"field\": \"" + field + "\", \"purpose\": \"恢复演练核对\"}");
		assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
		return revealed.body().replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
	}

	private static String idNumber() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

	private static byte[] photo() {
		byte[] photo = new byte[40_000];
		new SecureRandom().nextBytes(photo);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(png, 0, photo, 0, png.length);
		return photo;
	}

	private static void flipOneByte(Path file) throws IOException {
		try (RandomAccessFile part = new RandomAccessFile(file.toFile(), "rw")) {
			part.seek(part.length() / 2);
			int b = part.read();
			part.seek(part.length() / 2);
			part.write(b ^ 0x40);
		}
	}

	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path path : walk.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		return to;
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** A request received: when it was sent and when the platform answered that it had it. */
	private record Sent(String number, long at, long answered) {
	}

	/** A window clerk receiving requests one after another until told to stop. */
	private static final class Traffic implements Runnable {

		private final Visitor clerk;

		private final List<Sent> sent = new CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<String> failures = new ArrayList<>();

		Traffic(Visitor clerk) {
			this.clerk = clerk;
		}

		@Override
		public void run() {
			while (running.get()) {
				long at = System.nanoTime();
				try {
					String number = received(clerk, "演练期间的求助 " + at);
					sent.add(new Sent(number, at, System.nanoTime()));
					Thread.sleep(150);
				}
				catch (AssertionError | InterruptedException failed) {
					failures.add(String.valueOf(failed));
					return;
				}
			}
		}

	}

}
