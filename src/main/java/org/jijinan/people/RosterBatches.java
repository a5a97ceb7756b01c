package org.jijinan.people;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jijinan.shared.CopyRows;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one batch of checked roster rows in one transaction: sort the rows into new persons, persons registered
 * already and repeats of an earlier row of the same file (one indexed look-up of the batch's ID hashes), COPY the
 * new persons straight into the registry, grant the roster's category, flag look-alikes, record the bad rows and
 * move the import's checkpoint. A crash loses at most the batch in flight, which the resumed import does again.
 */
@Component
class RosterBatches {

	private static final String COLUMNS = "id, name, id_number_sealed, id_number_hash, id_number_masked, birth_date, "
			+ "sex, ethnicity, phone_sealed, phone_hash, phone_masked, residence, residence_path, address, provisional, "
			+ "source_import, version";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	RosterBatches(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Transactional
	void store(RosterRun run, List<RosterLine> lines, List<RosterRowCheck.Checked> problems, int lastRow) {
		Map<String, Boolean> registered = registered(run.importId(), lines);
		List<RosterLine> fresh = new ArrayList<>();
		List<RosterRowCheck.Checked> refused = new ArrayList<>(problems);
		Set<String> seen = new HashSet<>();
		int matched = 0;
		for (RosterLine line : lines) {
			String hash = line.sealedNumber().hash();
			Boolean ours = registered.get(hash);
			if (!seen.add(hash) || Boolean.TRUE.equals(ours)) {
				refused.add(new RosterRowCheck.Checked(null, line.rowNumber(), "公民身份号码", "people.roster-duplicate-row"));
			}
			else if (ours != null) {
				matched++;
			}
			else {
				fresh.add(line);
			}
		}
		copy(run.importId(), fresh);
		if (run.household()) {
			recordMembers(run.importId(), lines, refused);
		}
		else if (run.category() != null) {
			grant(run, lines);
		}
		int lookalikes = flagLookalikes(run.importId(), fresh);
		recordProblems(run.importId(), refused);
		advance(run.importId(), lastRow, fresh.size(), matched, refused.size(), lookalikes);
	}

	/**
	 * @return for each hash of the batch already in the registry, whether this import put it there
	 */
	private Map<String, Boolean> registered(UUID importId, List<RosterLine> lines) {
		Map<String, Boolean> registered = new HashMap<>();
		if (lines.isEmpty()) {
			return registered;
		}
		jdbc.sql("""
				select id_number_hash, coalesce(source_import = :id, false) as ours from people_person
				 where id_number_hash = any(:hashes)""")
			.param("id", importId)
			.param("hashes", lines.stream().map(line -> line.sealedNumber().hash()).toArray(String[]::new))
			.query((row, number) -> registered.put(row.getString(1), row.getBoolean(2)))
			.list();
		return registered;
	}

	private void advance(UUID importId, int lastRow, int added, int matched, int failed, int lookalikes) {
		int moved = jdbc.sql("""
				update people_roster_import
				   set rows_done = :lastRow, rows_added = rows_added + :added, rows_matched = rows_matched + :matched,
				       rows_failed = rows_failed + :failed, lookalikes = lookalikes + :lookalikes
				 where id = :id and rows_done < :lastRow""")
			.param("lastRow", lastRow)
			.param("added", added)
			.param("matched", matched)
			.param("failed", failed)
			.param("lookalikes", lookalikes)
			.param("id", importId)
			.update();
		if (moved != 1) {
			throw new RosterStorageFailed("Roster import " + importId + " was advanced by another worker", null);
		}
	}

	private void copy(UUID importId, List<RosterLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder(lines.size() * 400);
		for (RosterLine line : lines) {
			field(text, UUID.randomUUID().toString()).append('\t');
			field(text, line.name()).append('\t');
			field(text, line.sealedNumber().ciphertext()).append('\t');
			field(text, line.sealedNumber().hash()).append('\t');
			field(text, line.number().masked()).append('\t');
			field(text, line.birthDate().toString()).append('\t');
			field(text, line.number().sex().name()).append('\t');
			field(text, line.ethnicity() == null ? null : line.ethnicity().name()).append('\t');
			field(text, line.phone() == null ? null : line.phone().ciphertext()).append('\t');
			field(text, line.phone() == null ? null : line.phone().hash()).append('\t');
			field(text, line.phoneMasked()).append('\t');
			field(text, line.residence().village().value()).append('\t');
			field(text, line.residence().path()).append('\t');
			field(text, line.address()).append("\tf\t");
			field(text, importId.toString()).append("\t0\n");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy people_person (" + COLUMNS + ") from stdin", new StringReader(text.toString()));
		}
		catch (SQLException | IOException failed) {
			throw new RosterStorageFailed("COPY of new persons failed", failed);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static StringBuilder field(StringBuilder text, @Nullable String value) {
		return CopyRows.field(text, value);
	}

	private void recordMembers(UUID importId, List<RosterLine> lines, List<RosterRowCheck.Checked> refused) {
		Set<Integer> refusedRows = new HashSet<>();
		refused.forEach(problem -> refusedRows.add(problem.rowNumber()));
		List<RosterLine> members = lines.stream().filter(line -> !refusedRows.contains(line.rowNumber())).toList();
		if (members.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into people_roster_member (import_id, row_number, person_hash, head_hash, relationship)
				select :id, m.row_number, m.person_hash, m.head_hash, m.relationship
				  from unnest(:rows, :persons, :heads, :relationships)
				       as m(row_number, person_hash, head_hash, relationship)""")
			.param("id", importId)
			.param("rows", members.stream().map(RosterLine::rowNumber).toArray(Integer[]::new))
			.param("persons", members.stream().map(line -> line.sealedNumber().hash()).toArray(String[]::new))
			.param("heads", members.stream().map(RosterLine::headHash).toArray(String[]::new))
			.param("relationships", members.stream().map(line -> line.relationship().name()).toArray(String[]::new))
			.update();
	}

	private void grant(RosterRun run, List<RosterLine> lines) {
		Map<String, Integer> grades = new HashMap<>();
		lines.forEach(line -> grades.put(line.sealedNumber().hash(), line.grade()));
		jdbc.sql("""
				insert into people_category_membership (id, category_code, person_id, grade, source, valid_from)
				select gen_random_uuid(), :category, p.id, g.grade, :source, :from
				  from unnest(:hashes, :grades) as g(hash, grade) join people_person p on p.id_number_hash = g.hash
				 where not exists (select 1 from people_category_membership m
				                    where m.person_id = p.id and m.category_code = :category
				                      and (m.valid_to is null or m.valid_to >= :from))""")
			.param("category", run.category())
			.param("source", run.source())
			.param("from", java.sql.Date.valueOf(run.validFrom()))
			.param("hashes", grades.keySet().toArray(String[]::new))
			.param("grades", grades.keySet().stream().map(grades::get).toArray(Integer[]::new))
			.update();
	}

	private int flagLookalikes(UUID importId, List<RosterLine> fresh) {
		if (fresh.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				insert into people_lookalike (id, person_id, resembles_id, import_id, created_at)
				select gen_random_uuid(), p.id, q.id, :id, now()
				  from people_person p
				  join people_person q on q.name = p.name and q.birth_date = p.birth_date and q.residence = p.residence
				                      and q.id <> p.id and q.superseded_by is null
				 where p.id_number_hash = any(:hashes)
				   and not (q.id_number_hash = any(:hashes) and q.id > p.id)
				on conflict do nothing""")
			.param("id", importId)
			.param("hashes", fresh.stream().map(line -> line.sealedNumber().hash()).toArray(String[]::new))
			.update();
	}

	private void recordProblems(UUID importId, List<RosterRowCheck.Checked> problems) {
		if (problems.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into people_roster_problem (import_id, row_number, column_name, code)
				select :id, p.row_number, p.column_name, p.code
				  from unnest(:rows, :columns, :codes) as p(row_number, column_name, code)
				on conflict do nothing""")
			.param("id", importId)
			.param("rows", problems.stream().map(RosterRowCheck.Checked::rowNumber).toArray(Integer[]::new))
			.param("columns", problems.stream().map(RosterRowCheck.Checked::column).toArray(String[]::new))
			.param("codes", problems.stream().map(RosterRowCheck.Checked::code).toArray(String[]::new))
			.update();
	}

	/**
	 * Storing a batch failed for a reason that is not the file's fault; the import resumes later.
	 */
	static final class RosterStorageFailed extends RuntimeException {

		RosterStorageFailed(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
