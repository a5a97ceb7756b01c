/**
 * Supervision and accountability (督办、责任追究): every step somebody owes has a due time and a person and unit
 * responsible; a sweep warns before the due time and escalates after it (owner, then the unit, then the county's
 * supervisors); supervisors issue supervision orders and record accountability; a board shows each unit's and
 * person's on-time rate, returns, median handling time and overdue items.
 * <p>
 * Learns about steps only from other modules' events; decides nothing about requests, cases or tasks.
 */
@ApplicationModule(displayName = "Supervision 督办",
		allowedDependencies = { "shared", "region", "identity", "intake", "casework", "calendar", "relief", "monitoring", "complaints", "timelimits", "pilot" })
@NullMarked
package org.jijinan.supervision;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
