package org.jijinan.people;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one batch of checked roster rows in one transaction: COPY into staging, drop duplicates of earlier rows of
 * the same file, add the new persons, grant the roster's category, flag look-alikes, record the bad rows, and move
 * the import's checkpoint. A crash loses at most the batch in flight, which the resumed import does again.
 */
@Component
class RosterBatches {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	RosterBatches(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Transactional
	void store(RosterRun run, List<RosterLine> lines, List<RosterRowCheck.Checked> problems, int lastRow) {
		int first = lines.isEmpty() ? lastRow + 1 : lines.get(0).rowNumber();
		copy(run.importId(), lines);
		int duplicates = markDuplicates(run.importId(), first, lastRow);
		int added = addPersons(run.importId(), first, lastRow);
		if (run.category() != null) {
			grant(run, first, lastRow);
		}
		int lookalikes = flagLookalikes(run.importId(), first, lastRow);
		recordProblems(run.importId(), problems);
		int valid = lines.size() - duplicates;
		int moved = jdbc.sql("""
				update people_roster_import
				   set rows_done = :lastRow, rows_added = rows_added + :added, rows_matched = rows_matched + :matched,
				       rows_failed = rows_failed + :failed, lookalikes = lookalikes + :lookalikes
				 where id = :id and rows_done < :lastRow""")
			.param("lastRow", lastRow)
			.param("added", added)
			.param("matched", valid - added)
			.param("failed", problems.size() + duplicates)
			.param("lookalikes", lookalikes)
			.param("id", run.importId())
			.update();
		if (moved != 1) {
			throw new RosterStorageFailed("Roster import " + run.importId() + " was advanced by another worker", null);
		}
	}

	private void copy(UUID importId, List<RosterLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder(lines.size() * 400);
		for (RosterLine line : lines) {
			field(text, importId.toString()).append('\t');
			field(text, Integer.toString(line.rowNumber())).append('\t');
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
			field(text, line.address()).append('\t');
			field(text, line.grade() == null ? null : line.grade().toString()).append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy people_roster_staging (import_id, row_number, name, id_number_sealed, id_number_hash, "
						+ "id_number_masked, birth_date, sex, ethnicity, phone_sealed, phone_hash, phone_masked, "
						+ "residence, residence_path, address, grade) from stdin", new StringReader(text.toString()));
		}
		catch (SQLException | IOException failed) {
			throw new RosterStorageFailed("COPY into roster staging failed", failed);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Storing a batch failed for a reason that is not the file's fault; the import resumes later.
	 */
	static final class RosterStorageFailed extends RuntimeException {

		RosterStorageFailed(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	private static StringBuilder field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			return text.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

	private int markDuplicates(UUID importId, int first, int last) {
		List<Integer> duplicates = jdbc.sql("""
				delete from people_roster_staging s
				 where s.import_id = :id and s.row_number between :first and :last
				   and exists (select 1 from people_roster_staging t
				                where t.import_id = s.import_id and t.id_number_hash = s.id_number_hash
				                  and t.row_number < s.row_number)
				returning s.row_number""")
			.param("id", importId)
			.param("first", first)
			.param("last", last)
			.query(Integer.class)
			.list();
		for (Integer row : duplicates) {
			jdbc.sql("""
					insert into people_roster_problem (import_id, row_number, column_name, code)
					values (:id, :row, '公民身份号码', 'people.roster-duplicate-row') on conflict do nothing""")
				.param("id", importId)
				.param("row", row)
				.update();
		}
		return duplicates.size();
	}

	private int addPersons(UUID importId, int first, int last) {
		return jdbc.sql("""
				insert into people_person (id, name, id_number_sealed, id_number_hash, id_number_masked, birth_date, sex,
				                           ethnicity, phone_sealed, phone_hash, phone_masked, residence, residence_path,
				                           address, provisional, source_import, version)
				select gen_random_uuid(), name, id_number_sealed, id_number_hash, id_number_masked, birth_date, sex,
				       ethnicity, phone_sealed, phone_hash, phone_masked, residence, residence_path, address, false,
				       import_id, 0
				  from people_roster_staging
				 where import_id = :id and row_number between :first and :last
				on conflict (id_number_hash) do nothing""")
			.param("id", importId)
			.param("first", first)
			.param("last", last)
			.update();
	}

	private void grant(RosterRun run, int first, int last) {
		jdbc.sql("""
				insert into people_category_membership (id, category_code, person_id, grade, source, valid_from)
				select gen_random_uuid(), :category, p.id, s.grade, :source, :from
				  from people_roster_staging s join people_person p on p.id_number_hash = s.id_number_hash
				 where s.import_id = :id and s.row_number between :first and :last
				   and not exists (select 1 from people_category_membership m
				                    where m.person_id = p.id and m.category_code = :category
				                      and (m.valid_to is null or m.valid_to >= :from))""")
			.param("category", run.category())
			.param("source", run.source())
			.param("from", java.sql.Date.valueOf(run.validFrom()))
			.param("id", run.importId())
			.param("first", first)
			.param("last", last)
			.update();
	}

	private int flagLookalikes(UUID importId, int first, int last) {
		return jdbc.sql("""
				insert into people_lookalike (id, person_id, resembles_id, import_id, row_number, created_at)
				select gen_random_uuid(), p.id, q.id, :id, s.row_number, now()
				  from people_roster_staging s
				  join people_person p on p.id_number_hash = s.id_number_hash and p.source_import = :id
				  join people_person q on q.name = s.name and q.birth_date = s.birth_date and q.residence = s.residence
				                      and q.id <> p.id and q.superseded_by is null
				 where s.import_id = :id and s.row_number between :first and :last
				on conflict do nothing""")
			.param("id", importId)
			.param("first", first)
			.param("last", last)
			.update();
	}

	private void recordProblems(UUID importId, List<RosterRowCheck.Checked> problems) {
		for (RosterRowCheck.Checked problem : problems) {
			jdbc.sql("""
					insert into people_roster_problem (import_id, row_number, column_name, code)
					values (:id, :row, :column, :code) on conflict do nothing""")
				.param("id", importId)
				.param("row", problem.rowNumber())
				.param("column", problem.column())
				.param("code", problem.code())
				.update();
		}
	}

}
