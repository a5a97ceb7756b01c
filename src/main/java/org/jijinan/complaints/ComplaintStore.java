package org.jijinan.complaints;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Conflict;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where complaints and their answers are kept. Changes to a complaint are checked against the version read, so two
 * people acting on one complaint at once never both succeed.
 */
@Component
class ComplaintStore {

	private final JdbcClient jdbc;

	ComplaintStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextSequence() {
		return jdbc.sql("select nextval('complaints_number_seq')").query(Long.class).single();
	}

	void insert(Complaint complaint, Stored stored) {
		jdbc.sql("""
				insert into complaints_complaint (id, number, kind, channel, status, county_path, subject_unit_id,
				       subject_unit_name, subject_kind, subject_path, subject_person, handler_unit_id, handler_unit_name, handler_kind,
				       level, reference, text, anonymous, name_sealed, phone_sealed, phone_hash, phone_masked,
				       name_masked, follow_code_hash, language, content_hash, received_by, received_at,
				       acknowledge_by, answer_by, version)
				values (:id, :number, :kind, :channel, 'RECEIVED', :county, :subject, :subjectName, :subjectKind, :subjectPath,
				        :subjectPerson, :handler, :handlerName, :handlerKind, 1, :reference, :text, :anonymous,
				        :nameSealed, :phoneSealed, :phoneHash, :phoneMasked, :nameMasked, :followCode, :language,
				        :contentHash, :by, :at, :acknowledgeBy, :answerBy, 0)""")
			.param("id", complaint.id())
			.param("number", complaint.number())
			.param("kind", complaint.kind().name())
			.param("channel", stored.channel().name())
			.param("county", complaint.countyPath())
			.param("subject", complaint.subjectUnit())
			.param("subjectName", stored.subjectName())
			.param("subjectKind", complaint.subjectKind() == null ? null : complaint.subjectKind().name())
			.param("subjectPath", stored.subjectPath())
			.param("subjectPerson", stored.subjectPerson())
			.param("handler", complaint.handler().unit())
			.param("handlerName", complaint.handler().name())
			.param("handlerKind", complaint.handler().kind().name())
			.param("reference", stored.reference())
			.param("text", stored.text())
			.param("anonymous", stored.anonymous())
			.param("nameSealed", stored.nameSealed())
			.param("phoneSealed", stored.phoneSealed())
			.param("phoneHash", stored.phoneHash())
			.param("phoneMasked", stored.phoneMasked())
			.param("nameMasked", stored.nameMasked())
			.param("followCode", stored.followCodeHash())
			.param("language", stored.language())
			.param("contentHash", stored.contentHash())
			.param("by", stored.receivedBy())
			.param("at", Timestamp.from(stored.receivedAt()))
			.param("acknowledgeBy", Timestamp.from(complaint.acknowledgeBy()))
			.param("answerBy", Timestamp.from(complaint.answerBy()))
			.update();
	}

	/**
	 * @return the number of a complaint with the same content received since the time given, counted as repeated
	 * (one content at a time: the check holds a transaction lock on the content until the caller commits)
	 */
	Optional<String> repeated(String contentHash, Instant since) {
		// Two copies sent at the same moment wait for each other here, so the second sees the first.
		jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:hash, 0))")
			.param("hash", contentHash)
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				update complaints_complaint set repeats = repeats + 1
				 where id = (select id from complaints_complaint where content_hash = :hash and received_at >= :since
				              order by received_at limit 1)
				returning number""")
			.param("hash", contentHash)
			.param("since", Timestamp.from(since))
			.query(String.class)
			.optional();
	}

	Optional<Complaint> load(String number) {
		return jdbc.sql("""
				select id, number, kind, county_path, subject_unit_id, subject_unit_id is null, status,
				       handler_unit_id, handler_unit_name, handler_kind, level, earlier_handlers, acknowledge_by,
				       answer_by, acknowledged_by, extension_reason, version, subject_kind
				  from complaints_complaint where number = :number""")
			.param("number", number)
			.query((row, n) -> complaint(row))
			.optional();
	}

	private static Complaint complaint(ResultSet row) throws SQLException {
		String subjectKind = row.getString(18);
		return new Complaint(row.getObject(1, UUID.class), row.getString(2), ComplaintKind.valueOf(row.getString(3)),
				row.getString(4), row.getObject(5, UUID.class), subjectKind == null ? null : UnitKind.valueOf(subjectKind),
				ComplaintStatus.valueOf(row.getString(7)),
				new Complaint.Handler(row.getObject(8, UUID.class), row.getString(9),
						UnitKind.valueOf(row.getString(10))),
				row.getInt(11), uuids(row.getArray(12)), row.getTimestamp(13).toInstant(),
				row.getTimestamp(14).toInstant(), row.getString(15), row.getString(16), row.getLong(17));
	}

	private static List<UUID> uuids(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}

	/**
	 * Stores the complaint's new state, if nobody changed it since it was read.
	 */
	void save(Complaint complaint, @Nullable Instant acknowledgedAt) {
		int changed = jdbc.sql("""
				update complaints_complaint
				   set status = :status, handler_unit_id = :handler, handler_unit_name = :handlerName,
				       handler_kind = :handlerKind, level = :level, earlier_handlers = :earlier::uuid[],
				       acknowledge_by = :acknowledgeBy, answer_by = :answerBy, acknowledged_by = :acknowledgedBy,
				       acknowledged_at = case when :acknowledgedBy::text is null then null
				                              else coalesce(:acknowledgedAt, acknowledged_at) end,
				       extension_reason = :extension, version = version + 1
				 where id = :id and version = :version""")
			.param("status", complaint.status().name())
			.param("handler", complaint.handler().unit())
			.param("handlerName", complaint.handler().name())
			.param("handlerKind", complaint.handler().kind().name())
			.param("level", complaint.level())
			.param("earlier", "{" + String.join(",", complaint.earlierHandlers().stream().map(UUID::toString).toList())
					+ "}")
			.param("acknowledgeBy", Timestamp.from(complaint.acknowledgeBy()))
			.param("answerBy", Timestamp.from(complaint.answerBy()))
			.param("acknowledgedBy", complaint.acknowledgedBy())
			.param("acknowledgedAt", acknowledgedAt == null ? null : Timestamp.from(acknowledgedAt))
			.param("extension", complaint.extensionReason())
			.param("id", complaint.id())
			.param("version", complaint.version())
			.update();
		if (changed == 0) {
			throw new Conflict("complaints.changed-meanwhile");
		}
	}

	void addAnswer(Complaint complaint, String investigation, Finding finding, String answer, String by, Instant at,
			boolean onTime) {
		jdbc.sql("""
				insert into complaints_answer (complaint_id, level, handler_unit_id, handler_unit_name, investigation,
				                               finding, answer, answered_by, answered_at, on_time)
				values (:id, :level, :unit, :unitName, :investigation, :finding, :answer, :by, :at, :onTime)""")
			.param("id", complaint.id())
			.param("level", complaint.level())
			.param("unit", complaint.handler().unit())
			.param("unitName", complaint.handler().name())
			.param("investigation", investigation)
			.param("finding", finding.name())
			.param("answer", answer)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("onTime", onTime)
			.update();
	}

	void rateAnswer(Complaint complaint, int level, boolean satisfied, Instant at) {
		jdbc.sql("""
				update complaints_answer set satisfied = :satisfied, rated_at = :at
				 where complaint_id = :id and level = :level""")
			.param("satisfied", satisfied)
			.param("at", Timestamp.from(at))
			.param("id", complaint.id())
			.param("level", level)
			.update();
	}

	List<ComplaintView.Answer> answers(UUID complaint) {
		return jdbc.sql("""
				select level, handler_unit_name, investigation, finding, answer, answered_by, answered_at, on_time,
				       satisfied
				  from complaints_answer where complaint_id = :id order by level""")
			.param("id", complaint)
			.query((row, n) -> new ComplaintView.Answer(row.getInt(1), row.getString(2), row.getString(3),
					Finding.valueOf(row.getString(4)), row.getString(5), row.getString(6),
					row.getTimestamp(7).toInstant(), row.getBoolean(8), (Boolean) row.getObject(9)))
			.list();
	}

	/**
	 * What is stored with a complaint beyond its life cycle: what it says, where it came from, and the complainant's
	 * sealed identity.
	 */
	record Stored(ComplaintChannel channel, @Nullable String subjectName, String subjectPath,
			@Nullable String subjectPerson, @Nullable String reference, String text, boolean anonymous,
			@Nullable String nameSealed, @Nullable String phoneSealed, @Nullable String phoneHash,
			@Nullable String phoneMasked, @Nullable String nameMasked, String followCodeHash, String language,
			String contentHash, String receivedBy, Instant receivedAt) {
	}

}
