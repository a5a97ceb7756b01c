package org.jijinan.services;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijinan.casework.TaskStatus;
import org.jijinan.casework.TaskView;
import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts social-work services on an agency's home page, one line per case: referrals the agency accepted, shared on a
 * legal basis and not yet planned for, and service plans whose follow-up day has come (highlighted). Referrals still
 * to be accepted are casework's line.
 */
@Component
class ServicesWork implements WaitingWork {

	private final Agencies agencies;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServicesWork(Agencies agencies, JdbcClient jdbc, Clock clock) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (!Agencies.isAgency(viewer)) {
			return List.of();
		}
		Map<String, Plan> plans = jdbc.sql("select case_number, status, follow_up_on from services_plan where agency_id = :agency")
			.param("agency", Agencies.agencyOf(viewer))
			.query((row, n) -> new Plan(row.getString("case_number"), row.getString("status"),
					row.getObject("follow_up_on", LocalDate.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Plan::caseNumber, plan -> plan, Plan::active));
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		List<WorkItem> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (TaskView task : agencies.referred(viewer)) {
			Plan plan = plans.get(task.caseNumber());
			String line = lineFor(task, plan, today);
			if (line != null && agencies.shared(task.caseNumber()) && seen.add(task.caseNumber())) {
				items.add(new WorkItem(line, 1, "/services/cases/" + task.caseNumber(), plan != null,
						(task.caseNumber() + " " + (task.subjectName() == null ? "" : task.subjectName())).strip()));
			}
		}
		items.sort(Comparator.comparing(WorkItem::urgent).reversed());
		return items;
	}

	/**
	 * @return the line's title: services to plan for an accepted referral without a plan, a follow-up once the
	 *     active plan's day has come; none otherwise
	 */
	private static @Nullable String lineFor(TaskView task, @Nullable Plan plan, LocalDate today) {
		if (plan == null) {
			return task.status() == TaskStatus.ACCEPTED ? "home.work.services-to-plan" : null;
		}
		return "ACTIVE".equals(plan.status()) && !plan.followUpOn().isAfter(today) ? "home.work.follow-ups-due" : null;
	}

	/**
	 * The agency's plan for a case: the active one where there is one.
	 */
	private record Plan(String caseNumber, String status, LocalDate followUpOn) {

		Plan active(Plan other) {
			return "ACTIVE".equals(status) ? this : other;
		}

	}

}
