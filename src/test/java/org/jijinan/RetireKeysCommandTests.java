package org.jijinan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.shared.KeyMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retiring older master keys that come from the environment, with the command: refused until the platform has
 * recorded that every value is sealed again with the current key, then the settings without the older keys are
 * written to a new file — enough to verify old audit records and find people by old hashes, never to open anything.
 */
class RetireKeysCommandTests {

	private static final byte[] FIRST = key(1);

	private static final byte[] SECOND = key(2);

	private static EmbeddedPostgres database;

	@TempDir
	Path folder;

	@BeforeAll
	static void database() throws IOException {
		database = EmbeddedPostgres.builder().start();
		new JdbcTemplate(database.getPostgresDatabase()).execute(new ClassPathResource(
				"db/migration/backup/V1_214__backup_key_rotation.sql").getContentAsString(StandardCharsets.UTF_8));
	}

	@AfterAll
	static void stop() throws IOException {
		database.close();
	}

	@Test
	void olderKeysAreRetiredOnlyOnceEveryValueIsSealedAgainAndTheSettingsKeepWhatOldRecordsNeed() throws IOException {
		Path settings = folder.resolve("keys.env");
		JdbcTemplate rows = new JdbcTemplate(database.getPostgresDatabase());
		rows.update("insert into backup_key_rotation (key_number, rotated_at, rotated_by) values (2, now(), 'environment')");

		Run early = retire(settings);
		assertThat(early.status()).as(early.output()).isEqualTo(2);
		assertThat(early.output()).contains("Values sealed with older keys remain");
		assertThat(settings).doesNotExist();

		rows.update("update backup_key_rotation set resealed_at = now(), resealed = 12, unreadable = 0");
		Run retired = retire(settings);
		assertThat(retired.status()).as(retired.output()).isZero();
		Map<String, String> written = Files.readAllLines(settings)
			.stream()
			.map(line -> line.split("=", 2))
			.collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
		assertThat(written).doesNotContainKey("JIJINAN_KEYS_MASTER").containsKeys("JIJINAN_KEYS_RING",
				"JIJINAN_KEYS_RETIRED");
		assertThat(String.join("\n", Files.readAllLines(settings))).doesNotContain(base64(FIRST));
		KeyMaterial before = KeyMaterial.fromSettings(base64(FIRST), "2:" + base64(SECOND), null);
		KeyMaterial after = KeyMaterial.fromSettings(null, written.get("JIJINAN_KEYS_RING"),
				written.get("JIJINAN_KEYS_RETIRED"));
		assertThat(after.masters().keySet()).containsExactly(2);
		assertThat(after.derive("audit-chain", 1)).isEqualTo(before.derive("audit-chain", 1));
		assertThat(after.derive("lookup-hash", 1)).isEqualTo(before.derive("lookup-hash", 1));
		assertThat(after.derive("field-encryption", 2)).isEqualTo(before.derive("field-encryption", 2));

		Run again = retire(settings);
		assertThat(again.status()).isEqualTo(2);
		assertThat(again.output()).contains("exists already");
	}

	@Test
	void anEmbeddedInstallationOrASingleKeyHasNothingToRetireHere() {
		Path settings = folder.resolve("keys.env");
		Run embedded = run("retire-keys", "--key-to", settings.toString(), "--jijinan.data-dir=" + folder);
		assertThat(embedded.status()).isEqualTo(2);
		assertThat(embedded.output()).contains("主密钥");
		Run single = run("retire-keys", "--key-to", settings.toString(), "--spring.datasource.url=" + url(),
				"--jijinan.keys.master=" + base64(FIRST));
		assertThat(single.status()).isEqualTo(2);
		assertThat(single.output()).contains("nothing to retire");
		assertThat(settings).doesNotExist();
	}

	private Run retire(Path settings) {
		return run("retire-keys", "--key-to", settings.toString(), "--spring.datasource.url=" + url(),
				"--spring.datasource.username=postgres", "--jijinan.keys.master=" + base64(FIRST),
				"--jijinan.keys.ring=2:" + base64(SECOND));
	}

	private static String url() {
		return "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
	}

	private static Run run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int status = BackupCommands.run(args);
			return new Run(status, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return key;
	}

	private static String base64(byte[] key) {
		return Base64.getEncoder().encodeToString(key);
	}

	private record Run(int status, String output) {
	}

}
