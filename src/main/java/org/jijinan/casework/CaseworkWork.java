package org.jijinan.casework;

import java.util.ArrayList;
import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.region.RegionDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts casework on the home page: visits the viewer took part in and has still to confirm (one line per case),
 * tasks referred to the viewer's unit waiting for acceptance, tasks the unit is working on, and, for case handlers,
 * the open cases of their area and the tasks returned to them.
 */
@Component
class CaseworkWork implements WaitingWork {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	CaseworkWork(JdbcClient jdbc, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		List<WorkItem> items = new ArrayList<>();
		long referred = count("select count(*) from casework_task where unit_id = :unit and status = 'REFERRED'",
				"unit", viewer.unit().id().value());
		if (referred > 0) {
			items.add(new WorkItem("home.work.tasks-to-accept", referred, "/tasks", true));
		}
		long accepted = count("select count(*) from casework_task where unit_id = :unit and status = 'ACCEPTED'", "unit",
				viewer.unit().id().value());
		if (accepted > 0) {
			items.add(new WorkItem("home.work.tasks-in-progress", accepted, "/tasks", false));
		}
		jdbc.sql("""
				select c.number, coalesce(c.subject_name, '') as name from casework_visit_visitor v
				  join casework_visit w on w.id = v.visit_id join casework_case c on c.id = w.case_id
				 where v.visitor = :me and v.confirmed_at is null and c.status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')
				 order by w.recorded_at limit 10""")
			.param("me", viewer.name())
			.query((row, n) -> new WorkItem("home.work.visit-to-confirm", 1, "/cases/" + row.getString("number")
					+ "#investigation", true, (row.getString("number") + " " + row.getString("name")).strip()))
			.list()
			.forEach(items::add);
		if (viewer.regionScope() != null && viewer.roles().stream().anyMatch(CaseDesk.HANDLERS::contains)) {
			// Both of the referrer's lines in one query: the menu asks on every page.
			var followUps = jdbc.sql("""
					select count(*) filter (where status = 'RETURNED') as returned,
					       count(*) filter (where status = 'COMPLETED' and result_noted_at is null) as done
					  from casework_task where referred_by = :me and status in ('RETURNED', 'COMPLETED')""")
				.param("me", viewer.name())
				.query((row, n) -> new long[] { row.getLong("returned"), row.getLong("done") })
				.single();
			if (followUps[0] > 0) {
				items.add(new WorkItem("home.work.tasks-returned", followUps[0], "/tasks", true));
			}
			if (followUps[1] > 0) {
				items.add(new WorkItem("home.work.tasks-completed", followUps[1], "/tasks", false));
			}
			long open = count("""
					select count(*) from casework_case where township_path like :scope || '%'
					   and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')""", "scope",
					regions.path(viewer.regionScope()));
			if (open > 0) {
				items.add(new WorkItem("home.work.open-cases", open, "/cases", false));
			}
		}
		return items;
	}

	private long count(String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

}
