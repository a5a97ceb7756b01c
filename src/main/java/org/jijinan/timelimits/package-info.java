/**
 * Time limits (办理时限): how long acceptance, a referral's acceptance and completion, an investigation and a decision
 * may take, as each county sets them by default and each of its townships sets its own within the county's bounds,
 * with the day they apply from. Intake, casework and supervision ask for the limit in force for a township when a
 * step starts; a step already running keeps its deadline. Where nobody set a limit, the platform's configured one
 * applies.
 */
@ApplicationModule(displayName = "Time limits 办理时限", allowedDependencies = { "shared", "calendar", "region" })
@NullMarked
package org.jijinan.timelimits;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
