package org.jijinan.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.region.RegionDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the requests waiting for acceptance or refusal on the home page of the township's staff who decide them,
 * highlighted when one is an emergency or due within the hour.
 */
@Component
class IntakeWork implements WaitingWork {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final Clock clock;

	IntakeWork(JdbcClient jdbc, RegionDirectory regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (viewer.regionScope() == null || viewer.roles().stream().noneMatch(IntakeDesk.TOWNSHIP_ROLES::contains)) {
			return List.of();
		}
		return jdbc.sql("""
				select count(*) as waiting,
				       count(*) filter (where urgency = 'EMERGENCY' or accept_by < :soon) as pressing
				  from intake_help_request where status = 'RECEIVED' and township_path like :scope || '%'""")
			.param("scope", regions.path(viewer.regionScope()))
			.param("soon", Timestamp.from(clock.instant().plusSeconds(3600)))
			.query((row, n) -> row.getLong("waiting") == 0 ? List.<WorkItem>of()
					: List.of(new WorkItem("home.work.requests-to-decide", row.getLong("waiting"), "/intake/queue",
							row.getLong("pressing") > 0)))
			.single();
	}

}
