/**
 * Budgets and commitments (预算): each county's annual budget per scheme (temporary assistance, medical assistance,
 * reserve-fund top-ups, purchased services), for the county or for a township it allocates one to; what approvals
 * commit, payments spend, and cancellations, reversals and recoveries release or return; what is left. An approval
 * that would exceed what is left is stopped with the figures unless a county approver overrode it with a reason.
 * <p>
 * Other modules tell it what happened with their money ({@link org.jijinan.budget.Budgets}); it knows nothing of
 * decisions, settlements or contracts beyond a reference.
 */
@ApplicationModule(displayName = "Budget 预算", allowedDependencies = { "shared", "region", "calendar" })
@NullMarked
package org.jijinan.budget;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
