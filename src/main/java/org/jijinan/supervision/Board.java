package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.complaints.ComplaintFigures;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance board (绩效看板) for an area: per unit and per person, how many steps were finished and how many on
 * time, how often tasks were returned, the median handling time and what is overdue now; the overdue steps
 * themselves; and the tasks passed from unit to unit (returned twice or more: 推诿).
 */
@Service
public class Board {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final Clock clock;

	private final CaseDesk cases;

	private final ComplaintFigures complaints;

	Board(JdbcClient jdbc, RegionDirectory regions, Clock clock, CaseDesk cases, ComplaintFigures complaints) {
		this.complaints = complaints;
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
		this.cases = cases;
	}

	/**
	 * @return the board for the caller's area, to its supervisors and leaders only (403
	 * {@code supervision.not-allowed} for anyone else)
	 */
	@Transactional(readOnly = true)
	public View of(Caller caller) {
		String scope = SupervisionReaders.area(caller, SupervisionReaders.OVERSEERS, regions);
		Timestamp now = Timestamp.from(clock.instant());
		List<Row> units = jdbc.sql("""
				select unit_key, unit_name,
				       count(*) filter (where status = 'DONE') as finished,
				       count(*) filter (where status = 'DONE' and done_at <= due_at) as on_time,
				       count(*) filter (where status = 'RETURNED') as returns,
				       percentile_cont(0.5) within group (order by extract(epoch from done_at - started_at))
				         filter (where status = 'DONE') as median_seconds,
				       count(*) filter (where status = 'OPEN' and due_at < :now) as overdue
				  from supervision_step where area_path like :scope || '%'
				 group by unit_key, unit_name order by unit_name""")
			.param("scope", scope)
			.param("now", now)
			.query((row, n) -> new Row(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
					row.getLong(5), (Double) row.getObject(6), row.getLong(7)))
			.list();
		List<Row> people = jdbc.sql("""
				select person, '' as name,
				       count(*) filter (where status = 'DONE' and responsible = person) as finished,
				       count(*) filter (where status = 'DONE' and responsible = person and done_at <= due_at) as on_time,
				       count(*) filter (where status = 'RETURNED' and done_by = person) as returns,
				       percentile_cont(0.5) within group (order by extract(epoch from done_at - started_at))
				         filter (where status = 'DONE' and responsible = person) as median_seconds,
				       count(*) filter (where status = 'OPEN' and due_at < :now and responsible = person) as overdue
				  from supervision_step
				  cross join lateral (select responsible as person union select done_by where done_by is not null) who
				 where area_path like :scope || '%'
				 group by person order by person""")
			.param("scope", scope)
			.param("now", now)
			.query((row, n) -> new Row(row.getString(1), row.getString(1), row.getLong(3), row.getLong(4),
					row.getLong(5), (Double) row.getObject(6), row.getLong(7)))
			.list();
		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.COUNTY);
		return new View(units, people, overdue(scope, now), passedOn(scope), complaints
			.of(java.util.Objects.requireNonNull(caller.regionScope()), today.minusMonths(12), today.plusDays(1))
			.byUnit());
	}

	/**
	 * @return every step of a case in the caller's area, oldest first; a case outside the caller's area is refused
	 * (403), an unknown one not found (404), never answered with an empty list
	 */
	@Transactional(readOnly = true)
	public List<StepView> stepsOf(String caseNumber, Caller caller) {
		cases.find(caseNumber, caller);
		return jdbc.sql("""
				select id, kind, subject_ref, case_number, unit_name, responsible, due_at, stage, status, done_at, done_by
				  from supervision_step where case_number = :caseNumber and area_path like :scope || '%'
				 order by started_at, kind""")
			.param("caseNumber", caseNumber)
			.param("scope", scope(caller))
			.query(Board::step)
			.list();
	}

	private List<StepView> overdue(String scope, Timestamp now) {
		return jdbc.sql("""
				select id, kind, subject_ref, case_number, unit_name, responsible, due_at, stage, status, done_at, done_by
				  from supervision_step
				 where status = 'OPEN' and due_at < :now and area_path like :scope || '%'
				 order by due_at limit 200""")
			.param("scope", scope)
			.param("now", now)
			.query(Board::step)
			.list();
	}

	private static StepView step(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new StepView(row.getObject(1, java.util.UUID.class), StepKind.valueOf(row.getString(2)),
				row.getString(3), row.getString(4), row.getString(5), row.getString(6),
				row.getTimestamp(7).toInstant(), row.getInt(8), row.getString(9),
				row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant(), row.getString(11));
	}

	private List<PassedOn> passedOn(String scope) {
		return jdbc.sql("""
				select subject_ref, case_number, string_agg(unit_name, ' → ' order by done_at), count(*)
				  from supervision_step
				 where status = 'RETURNED' and area_path like :scope || '%'
				 group by subject_ref, case_number having count(*) >= 2 order by count(*) desc limit 100""")
			.param("scope", scope)
			.query((row, n) -> new PassedOn(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)))
			.list();
	}

	private String scope(Caller caller) {
		if (caller.regionScope() == null) {
			throw new Forbidden("supervision.out-of-scope");
		}
		return regions.path(caller.regionScope());
	}

	/**
	 * The board.
	 *
	 * @param units one row per unit
	 * @param people one row per person
	 * @param overdue the steps overdue now, the oldest first
	 * @param passedOn tasks returned twice or more
	 * @param complaints complaints received over the last twelve months and those found true, per unit complained
	 * about
	 */
	public record View(List<Row> units, List<Row> people, List<StepView> overdue, List<PassedOn> passedOn,
			List<ComplaintFigures.UnitCount> complaints) {
	}

	/**
	 * One unit's or person's figures.
	 *
	 * @param key the unit key or the person
	 * @param name the unit's or person's name
	 * @param finished steps finished
	 * @param onTime of those, finished by the due time
	 * @param returns tasks returned
	 * @param medianSeconds the median time from start to finish
	 * @param overdue steps open past their due time
	 */
	public record Row(String key, String name, long finished, long onTime, long returns,
			@Nullable Double medianSeconds, long overdue) {

		/**
		 * @return the share finished on time, in percent, or {@code null} when nothing is finished
		 */
		public @Nullable Long onTimePercent() {
			return finished == 0 ? null : Math.round(100.0 * onTime / finished);
		}

		/**
		 * @return the median handling time in hours, one decimal, or {@code null}
		 */
		public @Nullable Double medianHours() {
			return medianSeconds == null ? null : Math.round(medianSeconds / 360.0) / 10.0;
		}

	}

	/**
	 * A step.
	 *
	 * @param id the step
	 * @param kind what is owed
	 * @param subjectRef what it is about
	 * @param caseNumber its case, if any
	 * @param unitName the unit that owes it
	 * @param responsible the person responsible
	 * @param dueAt when it is due
	 * @param stage how far it has been escalated (1 warned, 2 overdue, 3 supervisors)
	 * @param status {@code OPEN}, {@code DONE}, {@code RETURNED} or {@code CANCELLED}
	 * @param doneAt when it was finished
	 * @param doneBy who finished it
	 */
	public record StepView(java.util.UUID id, StepKind kind, String subjectRef, @Nullable String caseNumber,
			String unitName, String responsible, Instant dueAt, int stage, String status, @Nullable Instant doneAt,
			@Nullable String doneBy) {

		/**
		 * @return whether it was finished after its due time, or is still open past it at {@code now}
		 */
		public boolean lateAt(Instant now) {
			return doneAt != null ? doneAt.isAfter(dueAt) : "OPEN".equals(status) && now.isAfter(dueAt);
		}

	}

	/**
	 * A task passed from unit to unit.
	 *
	 * @param taskRef the task
	 * @param caseNumber its case
	 * @param units the units that returned it, in order
	 * @param returns how many returns
	 */
	public record PassedOn(String taskRef, @Nullable String caseNumber, String units, long returns) {
	}

}
