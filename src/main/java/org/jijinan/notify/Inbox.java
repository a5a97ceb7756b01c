package org.jijinan.notify;

import java.time.Instant;

import org.jijinan.identity.Staff;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The in-app inbox (站内消息): messages addressed to the signed-in account or to their unit, alerts addressed to an
 * area, which everyone whose area covers it sees (a county's staff see their townships' alerts), and alerts for the
 * supervisors of an area.
 */
@Controller
class Inbox {

	private static final String ACCOUNT = "account:";

	private static final String REGION = "region:";

	private static final String SUPERVISORS = "supervisors:";

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	Inbox(JdbcClient jdbc, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	static String account(String name) {
		return ACCOUNT + name;
	}

	/**
	 * @param areaPath the area's path in the region tree
	 * @return the recipient for an alert to everyone whose area contains it
	 */
	static String area(String areaPath) {
		return REGION + areaPath;
	}

	/**
	 * @param areaPath the area's path in the region tree
	 * @return the recipient for an alert to the supervisors whose area contains it
	 */
	static String supervisors(String areaPath) {
		return SUPERVISORS + areaPath;
	}

	@GetMapping("/inbox")
	String inbox(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("messages", jdbc.sql("""
				select body, created_at, link from notify_message
				 where channel = 'INBOX'
				   and (recipient_masked = :account or recipient_masked = :unit
				        or recipient_masked like :scope || '%' or recipient_masked like :supervised || '%')
				 order by created_at desc limit 100""")
			.param("account", account(caller.name()))
			.param("unit", caller instanceof Staff staff ? "unit:" + staff.unit().id().value() : "-")
			.param("scope", caller.regionScope() == null ? "-" : area(regions.path(caller.regionScope())))
			.param("supervised", caller.regionScope() != null && caller.hasRole("SUPERVISOR")
					? supervisors(regions.path(caller.regionScope())) : "-")
			.query((row, number) -> new Entry(row.getString(1), row.getTimestamp(2).toInstant(), row.getString(3)))
			.list());
		return "notify/inbox";
	}

	/**
	 * A message as the inbox shows it.
	 *
	 * @param body the text
	 * @param createdAt when it was written
	 * @param link the page of what it is about, for messages written since messages carry one
	 */
	record Entry(String body, Instant createdAt, @org.jspecify.annotations.Nullable String link) {
	}

}
