package org.jijinan.charity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.region.PlaceNames;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts charity linkage on the home page. For a charity officer: the open needs in the areas their charity's active
 * projects serve (with budget left) — or, with no such project, the county's open needs, leading to starting one —
 * and each need the charity took up and has still to report delivered. For the
 * township and county staff who confirm deliveries: each delivery a charity reported in their area.
 */
@Component
class CharityWork implements WaitingWork {

	private static final String SERVING = """
			select count(*) from charity_project where unit_id = :charity and active and committed < budget""";

	private static final String OPEN_IN_PROJECT_AREAS = """
			select count(*) from charity_need n
			 where n.status = 'OPEN' and exists (
			       select 1 from charity_project p, unnest(p.region_paths) as served(path)
			        where p.unit_id = :charity and p.active and p.committed < p.budget
			          and n.township_path like served.path || '%')""";

	private static final String OPEN_IN_AREA = """
			select count(*) from charity_need where status = 'OPEN' and township_path like :area || '%'""";

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final PlaceNames places;

	CharityWork(JdbcClient jdbc, RegionDirectory regions, PlaceNames places) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.places = places;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (CharityStaff.isCharity(viewer)) {
			return forCharity(viewer);
		}
		if (viewer.regionScope() != null && viewer.roles().stream().anyMatch(CharityStaff.CASE_HANDLERS::contains)) {
			return deliveriesToConfirm(regions.path(viewer.regionScope()));
		}
		return List.of();
	}

	private List<WorkItem> forCharity(Staff viewer) {
		UUID charity = CharityStaff.charityOf(viewer);
		List<WorkItem> items = new ArrayList<>();
		boolean serving = count(SERVING, "charity", charity) > 0;
		// Nothing can be taken up without a project: then the county's open needs lead to starting one.
		long open = serving ? count(OPEN_IN_PROJECT_AREAS, "charity", charity)
				: count(OPEN_IN_AREA, "area", regions.path(new DivisionCode(CharityChoices.countyOf(viewer))));
		if (open > 0) {
			items.add(serving ? new WorkItem("home.work.needs-to-take-up", open, "/charity/needs", false)
					: new WorkItem("home.work.needs-without-project", open, "/charity/projects", false));
		}
		jdbc.sql("""
				select n.id, n.display_name, n.township, p.name from charity_claim c
				  join charity_need n on n.id = c.need_id join charity_project p on p.id = c.project_id
				 where c.unit_id = :charity and c.status = 'CLAIMED' order by c.claimed_at limit 10""")
			.param("charity", charity)
			.query((row, n) -> new WorkItem("home.work.claims-to-deliver", 1, "/charity/needs/" + row.getString("id"),
					false, row.getString("name") + " · " + row.getString("display_name") + " · "
							+ places.of(new DivisionCode(row.getString("township")))))
			.list()
			.forEach(items::add);
		return items;
	}

	private List<WorkItem> deliveriesToConfirm(String scope) {
		return jdbc.sql("""
				select n.id, n.case_number, p.unit_name from charity_claim c
				  join charity_need n on n.id = c.need_id join charity_project p on p.id = c.project_id
				 where c.status = 'DELIVERED' and n.township_path like :scope || '%' order by c.delivered_at limit 10""")
			.param("scope", scope)
			.query((row, n) -> new WorkItem("home.work.deliveries-to-confirm", 1,
					"/charity/needs/" + row.getString("id"), false,
					row.getString("case_number") + " · " + row.getString("unit_name")))
			.list();
	}

	private long count(String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

}
