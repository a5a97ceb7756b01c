/**
 * Complaints and fraud reports (投诉举报): anyone may complain about a decision, an official's conduct or the quality
 * of service, or report someone receiving aid they should not, from the public pages, the hotline, the window, a
 * letter typed in by staff or a partner system. Each complaint gets a number, is routed away from the unit complained
 * about, is acknowledged and answered under working-day clocks, and an unsatisfied complainant may escalate it once to
 * the level above. The complainant's name and phone are sealed and shown masked to the handler alone.
 * <p>
 * Publishes what happens as events (supervision watches the clocks, notify tells the complainant); decides nothing
 * about requests, cases or aid.
 */
@ApplicationModule(displayName = "Complaints 投诉举报",
		allowedDependencies = { "shared", "region", "identity", "calendar", "intake", "casework", "relief" })
@NullMarked
package org.jijinan.complaints;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
