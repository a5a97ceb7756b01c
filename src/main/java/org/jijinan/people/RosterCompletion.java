package org.jijinan.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an import whose rows are all stored, in one transaction: forms the households of a household roster, marks
 * the import completed and records it in the audit trail. Done once: a second worker finds it completed already.
 */
@Component
class RosterCompletion {

	private static final Logger log = LoggerFactory.getLogger(RosterCompletion.class);

	private final JdbcClient jdbc;

	private final RosterHouseholds households;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RosterCompletion(JdbcClient jdbc, RosterHouseholds households, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.households = households;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	void complete(RosterRun run, LocalDate today) {
		int claimed = jdbc.sql("""
				update people_roster_import set status = 'COMPLETED', finished_at = :now, lease_until = null
				 where id = :id and status = 'RUNNING'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", run.importId())
			.update();
		if (claimed == 0) {
			return;
		}
		if (run.household()) {
			households.form(run, today);
		}
		var counts = jdbc.sql("""
				select rows_added, rows_matched, rows_failed, lookalikes, households from people_roster_import
				 where id = :id""")
			.param("id", run.importId())
			.query((row, number) -> Map.of("added", row.getInt(1), "matched", row.getInt(2), "failed", row.getInt(3),
					"lookalikes", row.getInt(4), "households", row.getInt(5)))
			.single();
		events.publishEvent(new RosterImported(run.importId(), "COMPLETED", counts.toString()));
		log.info("Roster import {} completed: {}", run.importId(), counts);
	}

}
