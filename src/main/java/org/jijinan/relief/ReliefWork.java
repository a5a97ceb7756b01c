package org.jijinan.relief;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.region.RegionDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts relief on the home page: emergency aid whose paperwork is still to be done (one line per case, highlighted
 * once late), proposals the viewer may review, reviewed proposals the viewer may approve (at the decision's level,
 * never one they proposed or reviewed themselves, as {@link Decision} requires), and approved payments waiting for a
 * batch.
 */
@Component
class ReliefWork implements WaitingWork {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final java.time.Clock clock;

	ReliefWork(JdbcClient jdbc, RegionDirectory regions, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (viewer.regionScope() == null) {
			return List.of();
		}
		String scope = regions.path(viewer.regionScope());
		List<WorkItem> items = new ArrayList<>();
		long toReview = decisions(viewer, scope, "PROPOSED", Decision.reviewersAt(ApprovalLevel.TOWNSHIP),
				Decision.reviewersAt(ApprovalLevel.COUNTY));
		if (toReview > 0) {
			items.add(new WorkItem("home.work.decisions-to-review", toReview, "/relief/decisions", true));
		}
		long toApprove = decisions(viewer, scope, "REVIEWED", Decision.approversAt(ApprovalLevel.TOWNSHIP),
				Decision.approversAt(ApprovalLevel.COUNTY));
		if (toApprove > 0) {
			items.add(new WorkItem("home.work.decisions-to-approve", toApprove, "/relief/decisions", true));
		}
		if (viewer.roles().stream().anyMatch(Decision.reviewersAt(ApprovalLevel.TOWNSHIP)::contains)) {
			jdbc.sql("""
					select number, case_number, coalesce(subject_name, '') as name, paperwork_due < :now as late
					  from relief_emergency_grant
					 where paperwork_done_at is null and township_path like :scope || '%'
					 order by paperwork_due limit 10""")
				.param("scope", scope)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query((row, n) -> new WorkItem("home.work.emergency-paperwork", 1,
						"/cases/" + row.getString("case_number") + "/relief", row.getBoolean("late"),
						(row.getString("number") + " · " + row.getString("case_number") + " " + row.getString("name"))
							.strip()))
				.list()
				.forEach(items::add);
		}
		if (viewer.roles().stream().anyMatch(Payments.PAYERS::contains)) {
			long toPay = jdbc.sql("""
					select count(*) from relief_payment_order
					 where status = 'PENDING' and batch_id is null and township_path like :scope || '%'""")
				.param("scope", scope)
				.query(Long.class)
				.single();
			if (toPay > 0) {
				items.add(new WorkItem("home.work.orders-to-pay", toPay, "/relief/payments", false));
			}
		}
		return items;
	}

	/**
	 * @return the decisions in the given status that the viewer may act on at either level: not proposed or
	 * reviewed by them, and of a level whose roles they hold
	 */
	private long decisions(Staff viewer, String scope, String status, Set<String> township, Set<String> county) {
		boolean atTownship = viewer.roles().stream().anyMatch(township::contains);
		boolean atCounty = viewer.roles().stream().anyMatch(county::contains);
		if (!atTownship && !atCounty) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from relief_decision
				 where status = :status and township_path like :scope || '%'
				   and proposed_by <> :me and (reviewed_by is null or reviewed_by <> :me)
				   and ((level = 'TOWNSHIP' and :township) or (level = 'COUNTY' and :county))""")
			.param("status", status)
			.param("scope", scope)
			.param("me", viewer.name())
			.param("township", atTownship)
			.param("county", atCounty)
			.query(Long.class)
			.single();
	}

}
