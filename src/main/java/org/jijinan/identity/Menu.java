package org.jijinan.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jijinan.shared.DivisionCode;

/**
 * The pages a signed-in person can use, in the order of their day, each with the count of their work waiting
 * there. Nothing is listed that their roles and scope would refuse.
 *
 * @param entries the menu's lines
 */
public record Menu(List<Entry> entries) {

	/**
	 * One line of the menu.
	 *
	 * @param labelKey message key of its label
	 * @param href the page it opens
	 * @param count work waiting on that page for this person; 0 shows no count
	 */
	public record Entry(String labelKey, String href, long count) {
	}

	private static final Set<Role> TOWNSHIP_DESK = EnumSet.of(Role.WINDOW_CLERK, Role.TOWNSHIP_REVIEWER,
			Role.TOWNSHIP_APPROVER);

	private static final Set<Role> DECIDERS = EnumSet.of(Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER,
			Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER);

	private static final Set<Role> COUNTY_DECIDERS = EnumSet.of(Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER);

	private static final Set<Role> CASE_DESK = EnumSet.of(Role.WINDOW_CLERK, Role.TOWNSHIP_REVIEWER,
			Role.TOWNSHIP_APPROVER, Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER, Role.SUPERVISOR, Role.LEADER);

	/** Those who report requests for others and follow what became of them (我报告的). */
	private static final Set<Role> REPORTERS = EnumSet.of(Role.VILLAGE_REPORTER, Role.DEPARTMENT_OFFICER,
			Role.HOTLINE_OPERATOR);

	/** Those who check warnings raised from data, or follow them in their area (预警核实). */
	private static final Set<Role> WARNING_CHECKERS = EnumSet.of(Role.VILLAGE_REPORTER, Role.WINDOW_CLERK,
			Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER, Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER, Role.SUPERVISOR,
			Role.LEADER);

	private static final Set<Role> OVERSIGHT = EnumSet.of(Role.SUPERVISOR, Role.LEADER);

	private static final Set<Role> ANALYSTS = EnumSet.of(Role.LEADER, Role.SUPERVISOR, Role.COUNTY_REVIEWER,
			Role.COUNTY_APPROVER, Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER, Role.ADMINISTRATOR);

	/**
	 * @param viewer the signed-in person
	 * @param waiting what waits for them (the counts are summed per page)
	 * @return their menu
	 */
	static Menu of(Staff viewer, List<WaitingWork.WorkItem> waiting) {
		var rules = new Rules(viewer);
		var lines = new ArrayList<Entry>();
		Adder add = (shown, key, href) -> {
			if (shown) {
				lines.add(new Entry(key, href, countAt(href, waiting)));
			}
		};
		add.line(true, "nav.home", "/");
		add.line(rules.holds(Role.VILLAGE_REPORTER), "nav.field", "/intake/field-report");
		add.line(rules.any(REPORTERS), "nav.my-reports", "/intake/mine");
		add.line(rules.regional() && rules.any(WARNING_CHECKERS), "nav.warnings", "/monitoring/warnings");
		add.line(rules.regional() && (rules.holds(Role.WINDOW_CLERK) || rules.any(DECIDERS)), "nav.intake", "/intake/new");
		add.line(rules.holds(Role.HOTLINE_OPERATOR), "nav.hotline", "/intake/hotline");
		add.line(rules.regional() && rules.any(TOWNSHIP_DESK), "nav.queue", "/intake/queue");
		add.line(rules.regional() && rules.holds(Role.HOTLINE_OPERATOR) && !rules.any(TOWNSHIP_DESK), "nav.call-backs",
				"/intake/queue");
		add.line(rules.regional() && rules.any(CASE_DESK), "nav.cases", "/cases");
		add.line(rules.regional() && !rules.only(Role.VILLAGE_REPORTER), "nav.people", "/people");
		add.line(rules.regional() && rules.any(EnumSet.of(Role.WINDOW_CLERK, Role.TOWNSHIP_REVIEWER,
				Role.TOWNSHIP_APPROVER, Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER)), "nav.imports", "/people/imports");
		add.line(!rules.regional() || rules.any(DECIDERS), "nav.tasks", "/tasks");
		add.line(rules.regional() && rules.any(DECIDERS), "nav.relief", "/relief/decisions");
		add.line(rules.regional() && rules.any(EnumSet.of(Role.TOWNSHIP_APPROVER, Role.COUNTY_REVIEWER,
				Role.COUNTY_APPROVER)), "nav.payments", "/relief/payments");
		add.line(rules.regional() && rules.any(DECIDERS), "nav.reserve", "/relief/reserve");
		add.line(rules.holds(Role.DEPARTMENT_OFFICER) || rules.any(COUNTY_DECIDERS), "nav.settlements",
				"/relief/settlements");
		add.line(rules.holds(Role.DEPARTMENT_OFFICER), "nav.department-assistance", "/sharing/assistance");
		add.line(rules.holds(Role.DEPARTMENT_OFFICER), "nav.signals", "/monitoring/signals");
		add.line(rules.holds(Role.CHARITY_OFFICER) || rules.regional() && rules.any(DECIDERS), "nav.needs",
				"/charity/needs");
		add.line(rules.holds(Role.CHARITY_OFFICER), "nav.projects", "/charity/projects");
		add.line(rules.holds(Role.CHARITY_OFFICER), "nav.pledges", "/charity/pledges");
		add.line(rules.county() && rules.any(COUNTY_DECIDERS), "nav.fund", "/charity/fund");
		add.line(rules.holds(Role.SOCIAL_WORKER), "nav.services", "/services/cases");
		add.line(rules.holds(Role.SOCIAL_WORKER) || rules.county() && rules.any(COUNTY_DECIDERS), "nav.contracts",
				"/services/contracts");
		add.line(rules.handlesComplaints(), "nav.complaints", "/complaints");
		add.line(rules.handlesComplaints(), "nav.appeals", "/appeals");
		add.line(rules.regional() && (rules.any(EnumSet.of(Role.HOTLINE_OPERATOR, Role.WINDOW_CLERK))
				|| rules.handlesComplaints()), "nav.complaint-new", "/complaints/new");
		add.line(rules.regional() && rules.any(OVERSIGHT), "nav.supervision", "/supervision");
		add.line(rules.regional() && !rules.any(OVERSIGHT) && rules.any(DECIDERS), "nav.orders",
				"/supervision/orders");
		add.line(rules.aboveVillage() && (viewer.administers() || rules.any(DECIDERS)), "nav.budgets", "/budgets");
		add.line(rules.aboveVillage() && rules.any(ANALYSTS), "nav.reports", "/reports");
		add.line(rules.aboveVillage() && rules.any(ANALYSTS), "nav.pilot", "/pilot");
		add.line(viewer.administers(), "nav.accounts", "/admin/units");
		add.line(viewer.administers(), "nav.regions", "/admin/regions");
		add.line(viewer.administers(), "nav.clients", "/admin/clients");
		add.line(viewer.administers(), "nav.messages", "/admin/messages");
		add.line(rules.regional() && (viewer.administers() || rules.any(COUNTY_DECIDERS)), "nav.posters",
				"/intake/posters");
		add.line(viewer.administers() && rules.county(), "nav.calendar", "/admin/calendar");
		add.line(rules.county() && (viewer.administers() || rules.holds(Role.COUNTY_APPROVER))
				|| rules.aboveVillage() && !rules.county() && (viewer.administers() || rules.holds(Role.TOWNSHIP_APPROVER)),
				"nav.time-limits", "/time-limits");
		add.line(viewer.administers() && rules.county(), "nav.backups", "/admin/backups");
		add.line(viewer.administers() && rules.county(), "nav.keys", "/admin/keys");
		add.line(viewer.administers() && rules.county(), "nav.policies", "/admin/relief-policies");
		add.line(rules.county() && (viewer.administers() || rules.holds(Role.COUNTY_APPROVER)), "nav.warning-rules",
				"/monitoring/rules");
		add.line(viewer.administers() && rules.county(), "nav.signal-sources", "/monitoring/sources");
		add.line((viewer.administers() || rules.holds(Role.SUPERVISOR)) && rules.county(), "nav.audit",
				"/admin/audit");
		add.line(true, "nav.inbox", "/inbox");
		add.line(true, "nav.profile", "/account");
		return new Menu(List.copyOf(lines));
	}

	private static long countAt(String href, List<WaitingWork.WorkItem> waiting) {
		if ("/".equals(href)) {
			return 0;
		}
		Predicate<WaitingWork.WorkItem> here = item -> href.equals(item.link().split("[?#]", 2)[0]);
		return waiting.stream().filter(here).mapToLong(WaitingWork.WorkItem::count).sum();
	}

	@FunctionalInterface
	private interface Adder {

		void line(boolean shown, String labelKey, String href);

	}

	private record Rules(Staff viewer) {

		boolean holds(Role role) {
			return viewer.roleSet().contains(role);
		}

		boolean any(Set<Role> roles) {
			return viewer.roleSet().stream().anyMatch(roles::contains);
		}

		boolean only(Role role) {
			return viewer.roleSet().equals(Set.of(role));
		}

		boolean regional() {
			return viewer.regionScope() != null;
		}

		boolean county() {
			DivisionCode scope = viewer.regionScope();
			return scope != null && scope.value().length() == 6;
		}

		/**
		 * Complaints are handled by the county bureau's reviewers, approvers and leaders and by the supervision
		 * office's supervisors and leaders.
		 */
		boolean handlesComplaints() {
			return switch (viewer.unit().kind()) {
				case COUNTY_CIVIL_AFFAIRS -> any(EnumSet.of(Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER, Role.LEADER));
				case SUPERVISION_OFFICE -> any(OVERSIGHT);
				default -> false;
			};
		}

		boolean aboveVillage() {
			DivisionCode scope = viewer.regionScope();
			return scope != null && scope.value().length() <= 9;
		}

	}

}
