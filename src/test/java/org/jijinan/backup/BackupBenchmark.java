package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore of a county-sized database against PostgreSQL's own tools on the same server in the same run:
 * {@code pg_dump -Fc} then {@code pg_restore} into an empty database, and the platform's backup then restore into
 * another. Run by {@code bench/backup.sh}, which starts the server; skipped otherwise.
 */
class BackupBenchmark {

	private static final char[] PASSPHRASE = "benchmark passphrase 2026".toCharArray();

	@Test
	void backsUpAndRestoresACountyAgainstPgDumpAndPgRestore() throws Exception {
		Integer port = Integer.getInteger("backup.benchmark.port");
		Assumptions.assumeTrue(port != null, "run by bench/backup.sh");
		String bin = System.getProperty("backup.benchmark.bin");
		int persons = Integer.getInteger("backup.benchmark.persons", 1_000_000);
		int cases = Integer.getInteger("backup.benchmark.cases", 100_000);
		JdbcTemplate server = new JdbcTemplate(database(port, "postgres"));
		server.execute("create role jijinan_app login");
		for (String name : List.of("county", "ours", "theirs")) {
			server.execute("create database " + name);
		}
		DataSource county = database(port, "county");
		BackupsTests.migrate(county, null);
		fill(new JdbcTemplate(county), persons, cases);

		Path work = Files.createDirectories(Path.of("target/bench/backup"));
		Path ours = work.resolve("ours");
		Path dump = work.resolve("county.pgdump");
		deleteBoth(ours, dump);

		long started = System.nanoTime();
		Manifest manifest = Backups.take(new Backups.Source(county, new byte[32], Map.of()), ours, PASSPHRASE,
				line -> { });
		double ourBackup = seconds(started);
		started = System.nanoTime();
		run(bin + "/pg_dump", "-h", "127.0.0.1", "-p", port.toString(), "-U", "postgres", "-Fc", "-f", dump.toString(),
				"county");
		double pgDump = seconds(started);

		DataSource oursTarget = database(port, "ours");
		started = System.nanoTime();
		Manifest checked = Backups.check(ours);
		Backups.openKey(checked, PASSPHRASE);
		Map<String, Long> counts = Backups.restore(ours, checked,
				new Backups.Target(oursTarget, Map.of(), version -> BackupsTests.migrate(oursTarget, version)), line -> { });
		double ourRestore = seconds(started);
		started = System.nanoTime();
		run(bin + "/pg_restore", "-h", "127.0.0.1", "-p", port.toString(), "-U", "postgres", "-d", "theirs",
				dump.toString());
		double pgRestore = seconds(started);

		assertThat(counts.get("people_person")).isEqualTo(persons);
		assertThat(counts.get("casework_case")).isEqualTo(cases);
		assertThat(new JdbcTemplate(database(port, "theirs")).queryForObject("select count(*) from people_person",
				Long.class)).isEqualTo(persons);
		System.out.printf("BACKUP BENCHMARK %,d persons, %,d cases, %,d rows in all%n", persons, cases, manifest.rows());
		System.out.printf("BACKUP BENCHMARK backup: ours %.1f s, %,d bytes; pg_dump -Fc %.1f s, %,d bytes; "
				+ "speed ours/pg_dump %.2f%n", ourBackup, size(ours), pgDump, Files.size(dump), pgDump / ourBackup);
		System.out.printf("BACKUP BENCHMARK restore: ours %.1f s; pg_restore %.1f s; speed ours/pg_restore %.2f%n",
				ourRestore, pgRestore, pgRestore / ourRestore);
	}

	/** Persons with sealed-looking numbers, and cases each with a request, a cause and three timeline entries. */
	private static void fill(JdbcTemplate county, int persons, int cases) {
		county.execute("set session_replication_role = replica");
		county.update("""
				insert into people_person (id, name, id_number_sealed, id_number_hash, id_number_masked, birth_date, sex,
				  ethnicity, phone_sealed, phone_hash, phone_masked, residence, residence_path, address, provisional, version)
				select gen_random_uuid(), '村民' || g,
				  'v1:' || encode(substring(sha512(('id' || g)::bytea) from 1 for 45), 'base64'),
				  encode(sha256(('id-hash' || g)::bytea), 'hex'), '632521********' || lpad((g % 10000)::text, 4, '0'),
				  date '1940-01-01' + (g % 25000), case when g % 2 = 0 then 'MALE' else 'FEMALE' end, '藏族',
				  'v1:' || encode(substring(sha512(('phone' || g)::bytea) from 1 for 30), 'base64'),
				  encode(sha256(('phone-hash' || g)::bytea), 'hex'), '139****' || lpad((g % 10000)::text, 4, '0'),
				  '632521100201', '/632521/632521100/632521100201/', '共和县恰卜恰镇某村' || g || '号', false, 0
				from generate_series(1, ?) g""", persons);
		county.update("""
				insert into casework_case (id, number, status, subject_name, township, township_path, urgency,
				  first_received_at, opened_at, handler, status_since, closing_note, version)
				select md5('case' || g)::uuid, 'JJC-2026-' || lpad(g::text, 6, '0'), 'CLOSED', '村民' || g, '632521100',
				  '/632521/632521100/', 'URGENT', now() - interval '30 days', now() - interval '29 days', 'bench.reviewer',
				  now() - interval '1 day', '已救助，结案', 3
				from generate_series(1, ?) g""", cases);
		county.update("""
				insert into casework_case_request (case_id, request_number, joined_at)
				select md5('case' || g)::uuid, 'JJN-2026-' || lpad(g::text, 6, '0'), now() - interval '29 days'
				from generate_series(1, ?) g""", cases);
		county.update("""
				insert into casework_case_cause (case_id, cause_code)
				select md5('case' || g)::uuid, 'FIRE' from generate_series(1, ?) g""", cases);
		county.update("""
				insert into casework_timeline (case_id, occurred_at, actor, kind, detail)
				select md5('case' || g)::uuid, now() - (k || ' days')::interval, 'bench.reviewer',
				  (array['OPENED', 'STATUS_CHANGED', 'CLOSED'])[k], '第 ' || k || ' 步：依规办理'
				from generate_series(1, ?) g, generate_series(1, 3) k""", cases);
		county.execute("set session_replication_role = origin");
		county.execute("analyze");
		county.execute("checkpoint");
	}

	private static DataSource database(int port, String name) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + name);
		source.setUser("postgres");
		return source;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

	private static void deleteBoth(Path folder, Path file) throws IOException {
		BackupFolders.delete(folder);
		Files.deleteIfExists(file);
	}

}
