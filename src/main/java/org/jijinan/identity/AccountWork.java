package org.jijinan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts identity's own work on administrators' home pages: locked accounts and accounts still on a one-time password
 * in their scope.
 */
@Component
class AccountWork implements WaitingWork {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountWork(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (!viewer.administers()) {
			return List.of();
		}
		return jdbc.sql("""
				select count(*) filter (where a.locked_until > :now) as locked,
				       count(*) filter (where a.must_change_password) as pending
				  from identity_account a join identity_unit u on u.id = a.unit_id
				 where u.division_path like :path || '%'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("path", viewer.unitPath())
			.query((row, number) -> List.of(
					new WorkItem("home.work.locked-accounts", row.getLong("locked"), "/admin/accounts",
							row.getLong("locked") > 0),
					new WorkItem("home.work.one-time-passwords", row.getLong("pending"), "/admin/accounts", false)))
			.single();
	}

}
