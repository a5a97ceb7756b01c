package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts on the home page every step the viewer answers for that is overdue or due within a day, one line per step
 * (highlighted once overdue), each opening the page where the step is done. Emergency aid's paperwork is left to
 * relief's own line, which lists every grant still waiting for it, and call-backs to intake's, which names the caller,
 * so that nothing is listed twice.
 */
@Component
class StepWork implements WaitingWork {

	private static final Duration SOON = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	StepWork(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		var now = clock.instant();
		return jdbc.sql("""
				select kind, subject_ref, case_number, due_at < :now as overdue from supervision_step
				 where responsible = :me and status = 'OPEN' and kind not in ('EMERGENCY_PAPERWORK', 'CALL_BACK', 'WARNING_CHECK')
				   and (due_at < :soon or kind = 'ORDER_REPLY')
				 order by due_at limit 10""")
			.param("me", viewer.name())
			.param("now", Timestamp.from(now))
			.param("soon", Timestamp.from(now.plus(SOON)))
			.query((row, n) -> {
				StepKind kind = StepKind.valueOf(row.getString("kind"));
				String subject = row.getString("subject_ref");
				String caseNumber = row.getString("case_number");
				return new WorkItem("supervision.kind." + kind.name(), 1, kind.pageFor(subject, caseNumber),
						row.getBoolean("overdue"), caseNumber != null ? caseNumber : subject);
			})
			.list();
	}

}
