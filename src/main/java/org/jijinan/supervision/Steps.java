package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored steps: opened when something becomes owed, finished when it is done (or returned, or no longer owed).
 * Opening the same step twice (an event handled again) stores it once.
 */
@Component
class Steps {

	private final JdbcClient jdbc;

	private final SupervisionSettings settings;

	private final NamedParameterJdbcTemplate named;

	Steps(JdbcClient jdbc, NamedParameterJdbcTemplate named, SupervisionSettings settings) {
		this.jdbc = jdbc;
		this.named = named;
		this.settings = settings;
	}

	void open(StepKind kind, String subjectRef, @Nullable String caseNumber, String areaPath, String unitKey,
			String unitName, String responsible, Instant startedAt, Instant dueAt) {
		openAll(List.of(new Opening(kind, subjectRef, caseNumber, areaPath, unitKey, unitName, responsible, startedAt,
				dueAt)));
	}

	/**
	 * Opens many steps in one batch (the warnings of a department's file).
	 */
	void openAll(List<Opening> openings) {
		named.batchUpdate("""
				insert into supervision_step (id, kind, subject_ref, case_number, area_path, unit_key, unit_name,
				                              responsible, started_at, due_at, status, stage, next_action_at)
				values (:id, :kind, :subject, :caseNumber, :area, :unitKey, :unitName, :responsible, :started, :due,
				        'OPEN', 0, :next)
				on conflict (kind, subject_ref, started_at) do nothing""", openings.stream().map(this::parameters)
			.toArray(SqlParameterSource[]::new));
	}

	private SqlParameterSource parameters(Opening step) {
		Instant warnAt = step.startedAt()
			.plus(Duration.between(step.startedAt(), step.dueAt())
				.multipliedBy(Math.round(settings.warnAt() * 1000))
				.dividedBy(1000));
		return new MapSqlParameterSource().addValue("id", UUID.randomUUID())
			.addValue("kind", step.kind().name())
			.addValue("subject", step.subjectRef())
			.addValue("caseNumber", step.caseNumber())
			.addValue("area", step.areaPath())
			.addValue("unitKey", step.unitKey())
			.addValue("unitName", step.unitName().length() > 100 ? step.unitName().substring(0, 100) : step.unitName())
			.addValue("responsible", step.responsible())
			.addValue("started", Timestamp.from(step.startedAt()))
			.addValue("due", Timestamp.from(step.dueAt()))
			.addValue("next", Timestamp.from(warnAt.isAfter(step.dueAt()) ? step.dueAt() : warnAt));
	}

	/**
	 * A step to open: what is owed ({@code kind}) about what ({@code subjectRef}), by whom, from when until when.
	 */
	record Opening(StepKind kind, String subjectRef, @Nullable String caseNumber, String areaPath, String unitKey,
			String unitName, String responsible, Instant startedAt, Instant dueAt) {
	}

	void finish(Collection<StepKind> kinds, String subjectRef, String outcome, Instant at, String by) {
		jdbc.sql("""
				update supervision_step set status = :outcome, done_at = :at, done_by = :by, next_action_at = null
				 where subject_ref = :subject and status = 'OPEN' and kind in (:kinds)""")
			.param("outcome", outcome)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("subject", subjectRef)
			.param("kinds", kinds.stream().map(StepKind::name).toList())
			.update();
	}

	/**
	 * Gives an open step a new person responsible and, when given, a new unit.
	 */
	void reassign(StepKind kind, String subjectRef, String responsible, @Nullable String unitKey,
			@Nullable String unitName) {
		jdbc.sql("""
				update supervision_step set responsible = :responsible, unit_key = coalesce(:unitKey, unit_key),
				       unit_name = coalesce(:unitName, unit_name)
				 where subject_ref = :subject and status = 'OPEN' and kind = :kind""")
			.param("responsible", responsible)
			.param("unitKey", unitKey)
			.param("unitName", unitName)
			.param("subject", subjectRef)
			.param("kind", kind.name())
			.update();
	}

	/**
	 * Gives the open steps a case's handler owed to the case's new handler.
	 */
	void reassignCase(String caseNumber, String from, String to) {
		jdbc.sql("""
				update supervision_step set responsible = :to
				 where case_number = :caseNumber and status = 'OPEN' and responsible = :from
				   and kind in ('INVESTIGATION', 'APPROVAL', 'PAYMENT', 'EMERGENCY_PAPERWORK')""")
			.param("to", to)
			.param("caseNumber", caseNumber)
			.param("from", from)
			.update();
	}

	/**
	 * Moves an open step's due time (an extension granted), restarting its warnings from the new time.
	 */
	void extend(StepKind kind, String subjectRef, Instant dueAt) {
		jdbc.sql("""
				update supervision_step
				   set due_at = :due, stage = 0,
				       next_action_at = started_at + (:due - started_at) * :warnAt
				 where subject_ref = :subject and status = 'OPEN' and kind = :kind""")
			.param("due", Timestamp.from(dueAt))
			.param("warnAt", settings.warnAt())
			.param("subject", subjectRef)
			.param("kind", kind.name())
			.update();
	}

	void cancelCase(String caseNumber, Instant at, String by) {
		jdbc.sql("""
				update supervision_step set status = 'CANCELLED', done_at = :at, done_by = :by, next_action_at = null
				 where case_number = :caseNumber and status = 'OPEN'""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("caseNumber", caseNumber)
			.update();
	}

}
