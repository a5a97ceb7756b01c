package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns and escalates by itself. Each sweep claims, in batches, the open steps whose next action is due
 * ({@code FOR UPDATE SKIP LOCKED}: on several nodes each step is taken by one), moves each one stage on — warning,
 * overdue, supervisors — and publishes what it did, one event per batch, in the same transaction, so no escalation
 * is sent twice and none is skipped. Its cost follows the due steps, not all open ones (a partial index on the next action).
 */
@Component
class DeadlineSweep {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final WorkingDayCalendar calendar;

	private final SupervisionSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeadlineSweep(JdbcClient jdbc, ApplicationEventPublisher events, WorkingDayCalendar calendar,
			SupervisionSettings settings, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.calendar = calendar;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${jijinan.supervision.sweep-interval:PT30S}",
			initialDelayString = "${jijinan.supervision.sweep-interval:PT30S}")
	void scheduled() {
		sweep();
	}

	/**
	 * @return how many steps were acted on
	 */
	int sweep() {
		Instant now = clock.instant();
		int total = 0;
		Integer done;
		do {
			done = transactions.execute(status -> batch(now));
			total += done == null ? 0 : done;
		}
		while (done != null && done == settings.sweepBatch());
		return total;
	}

	private int batch(Instant now) {
		List<Due> due = jdbc.sql("""
				select id, kind, subject_ref, case_number, area_path, unit_key, unit_name, responsible, due_at, stage,
				       ctid::text
				  from supervision_step
				 where status = 'OPEN' and next_action_at <= :now
				 order by next_action_at limit :batch for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("batch", settings.sweepBatch())
			.query((row, n) -> new Due(row.getObject(1, UUID.class), StepKind.valueOf(row.getString(2)),
					row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
					row.getString(8), row.getTimestamp(9).toInstant(), row.getInt(10), row.getString(11)))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<StepEscalated> escalated = new ArrayList<>(due.size());
		int[] stages = new int[due.size()];
		StringJoiner places = new StringJoiner(";");
		StringJoiner nexts = new StringJoiner(";");
		for (int i = 0; i < due.size(); i++) {
			Due step = due.get(i);
			Advance advance = advance(step, now);
			Instant next = advance.next();
			escalated.add(advance.escalated());
			stages[i] = advance.stage();
			places.add(step.place());
			nexts.add(next == null ? "" : next.toString());
		}
		// One statement for the batch, finding each claimed row by its place in the table (ctid, fixed while the row
		// is locked): a TID scan whatever the table's statistics say. A join on the id was planned from statistics
		// that, on a table that churned (steps open, escalate and close all day), said it was nearly empty — a scan
		// of the whole table per batch (1,000,000 open steps with 10,000 due: 31–33 s); one statement per row avoids
		// the planner but costs a round of index writes and parsing per row (1.6–2 s).
		jdbc.sql("""
				update supervision_step s set stage = v.stage, next_action_at = v.next
				  from (select unnest(string_to_array(:places, ';')::tid[]) as place, unnest(:stages::int[]) as stage,
				               unnest(string_to_array(:nexts, ';', '')::timestamptz[]) as next) v
				 where s.ctid = v.place""")
			.param("places", places.toString())
			.param("stages", stages)
			.param("nexts", nexts.toString())
			.update();
		events.publishEvent(new StepsEscalated(UUID.randomUUID(), escalated));
		return due.size();
	}

	/**
	 * The step's next stage: due without a warning yet → overdue at once; otherwise one stage on (warning → overdue →
	 * supervisors, after which nothing more is scheduled).
	 */
	private Advance advance(Due step, Instant now) {
		int stage = step.stage() == 0 && !now.isBefore(step.dueAt()) ? 2 : step.stage() + 1;
		StepEscalated.Level level = switch (stage) {
			case 1 -> StepEscalated.Level.WARNING;
			case 2 -> StepEscalated.Level.OVERDUE;
			default -> StepEscalated.Level.SUPERVISOR;
		};
		Instant next = switch (stage) {
			case 1 -> step.dueAt();
			case 2 -> calendar.plusWorkingDays(step.dueAt(), settings.supervisorAfterWorkingDays());
			default -> null;
		};
		return new Advance(new StepEscalated(step.id(), step.kind(), step.subjectRef(), step.caseNumber(),
				step.areaPath(), step.unitKey(), step.unitName(), step.responsible(), step.dueAt(), level), stage, next);
	}

	/**
	 * @param next when the step is looked at again, or {@code null} once it reached the supervisors
	 */
	private record Advance(StepEscalated escalated, int stage, @Nullable Instant next) {
	}

	private record Due(UUID id, StepKind kind, String subjectRef, String caseNumber, String areaPath, String unitKey,
			String unitName, String responsible, Instant dueAt, int stage, String place) {
	}

}
