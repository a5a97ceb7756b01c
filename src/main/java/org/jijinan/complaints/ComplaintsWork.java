package org.jijinan.complaints;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The handler's home-page lines: complaints to acknowledge and complaints to answer, urgent when one is late.
 */
@Component
class ComplaintsWork implements WaitingWork {

	private final JdbcClient jdbc;

	private final Clock clock;

	ComplaintsWork(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (viewer.roles().stream().noneMatch(Routing.rolesOf(viewer.unit().kind())::contains)) {
			return List.of();
		}
		List<WorkItem> items = new ArrayList<>();
		jdbc.sql("""
				select status = 'ACKNOWLEDGED', count(*),
				       count(*) filter (where case when status = 'ACKNOWLEDGED' then answer_by else acknowledge_by end < :now)
				  from complaints_complaint
				 where handler_unit_id = :unit and status in ('RECEIVED', 'ESCALATED', 'ACKNOWLEDGED')
				 group by 1 order by 1""")
			.param("unit", viewer.unit().id().value())
			.param("now", Timestamp.from(clock.instant()))
			.query((row, n) -> items.add(new WorkItem(
					row.getBoolean(1) ? "complaints.work.answer" : "complaints.work.acknowledge", row.getLong(2),
					"/complaints", row.getLong(3) > 0)))
			.list();
		return items;
	}

}
