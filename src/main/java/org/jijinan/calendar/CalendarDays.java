package org.jijinan.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official days administrators keep: public holidays and make-up working days (调休上班) per year, entered when
 * the State Council publishes the next year's arrangement. Weekends need no entry. Every change is audited and takes
 * effect for new due times at once on this node and within a minute on the others.
 */
@Service
public class CalendarDays {

	private final JdbcClient jdbc;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	CalendarDays(JdbcClient jdbc, WorkingDayCalendar calendar, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.events = events;
	}

	/**
	 * @return the official days of a year, in date order
	 */
	@Transactional(readOnly = true)
	public List<OfficialDay> of(int year) {
		return jdbc.sql("select day, kind, name from calendar_day where day between :from and :to order by day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((row, n) -> new OfficialDay(row.getObject(1, LocalDate.class), row.getString(2), row.getString(3)))
			.list();
	}

	/**
	 * Enters or changes an official day.
	 * @param kind {@code HOLIDAY} (a rest day) or {@code WORKDAY} (a make-up working day)
	 */
	@Transactional
	public OfficialDay set(LocalDate day, String kind, String name, Caller caller) {
		requireAdministrator(caller);
		if (!Set.of("HOLIDAY", "WORKDAY").contains(kind)) {
			throw new InvalidInput("calendar.kind-invalid");
		}
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 40) {
			throw new InvalidInput("calendar.name-invalid");
		}
		if (day.getYear() < 2000 || day.getYear() > 2100) {
			throw new InvalidInput("calendar.day-out-of-range");
		}
		jdbc.sql("""
				insert into calendar_day (day, kind, name) values (:day, :kind, :name)
				on conflict (day) do update set kind = excluded.kind, name = excluded.name""")
			.param("day", day)
			.param("kind", kind)
			.param("name", label)
			.update();
		calendar.forget();
		events.publishEvent(new DayChanged(day, kind, caller.name()));
		return new OfficialDay(day, kind, label);
	}

	/**
	 * Removes an official day: the date counts as an ordinary weekday or weekend again.
	 */
	@Transactional
	public void remove(LocalDate day, Caller caller) {
		requireAdministrator(caller);
		if (jdbc.sql("delete from calendar_day where day = :day").param("day", day).update() == 0) {
			throw new NotFound("calendar.day-not-found");
		}
		calendar.forget();
		events.publishEvent(new DayChanged(day, "REMOVED", caller.name()));
	}

	private static void requireAdministrator(Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null
				|| caller.regionScope().value().length() > 6) {
			throw new Forbidden("calendar.county-administrators-only");
		}
	}

	/**
	 * An official day.
	 *
	 * @param day the date
	 * @param kind {@code HOLIDAY} or {@code WORKDAY}
	 * @param name what it is, such as 春节 or 春节调休上班
	 */
	public record OfficialDay(LocalDate day, String kind, String name) {
	}

	/**
	 * An administrator changed the calendar.
	 *
	 * @param day the date
	 * @param kind what it is now ({@code HOLIDAY}, {@code WORKDAY} or {@code REMOVED})
	 * @param by who
	 */
	record DayChanged(LocalDate day, String kind, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "calendar.day-changed";
		}

		@Override
		public String auditSubjectType() {
			return "calendar-day";
		}

		@Override
		public String auditSubjectId() {
			return day.toString();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("kind", kind);
		}

	}

}
