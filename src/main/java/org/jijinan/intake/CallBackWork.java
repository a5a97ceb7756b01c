package org.jijinan.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.region.RegionDirectory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts call-backs (待回电) on the home page, one line per call with the caller's name, the urgency and the due time,
 * each opening the request's page where the call is recorded: to whoever owes it, every one still owed; to the
 * township's intake, review and approval staff, those of their area that are overdue, which they may make
 * themselves. Overdue lines are highlighted.
 */
@Component
class CallBackWork implements WaitingWork {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm")
		.withZone(WorkingDayCalendar.COUNTY);

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final MessageSource messages;

	private final Clock clock;

	CallBackWork(JdbcClient jdbc, RegionDirectory regions, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		boolean township = viewer.regionScope() != null
				&& viewer.roles().stream().anyMatch(IntakeDesk.TOWNSHIP_ROLES::contains);
		Locale locale = LocaleContextHolder.getLocale();
		return jdbc.sql("""
				select c.request_number, coalesce(r.reporter_name, r.subject_name, '') as caller, r.urgency, c.due_at,
				       c.due_at < :now as late
				  from intake_call_back c join intake_help_request r on r.number = c.request_number
				 where c.status = 'OWED'
				   and (c.owner = :me or (:township and c.due_at < :now and r.township_path like :scope || '%'))
				 order by c.due_at limit 10""")
			.param("me", viewer.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("township", township)
			.param("scope", township ? regions.path(viewer.regionScope()) : "-")
			.query((row, n) -> new WorkItem("home.work.call-back", 1, "/intake/requests/" + row.getString(1),
					row.getBoolean("late"),
					messages.getMessage("home.work.call-back.detail",
							new Object[] { row.getString(2).isBlank() ? row.getString(1) : row.getString(2),
									messages.getMessage("intake.callBack.urgency." + row.getString(3), null, locale),
									DUE.format(row.getTimestamp(4).toInstant()) },
							locale)))
			.list();
	}

}
