/**
 * Early warning (动态监测预警): finds households sliding into hardship from data before anyone asks. Signals — dated
 * facts about a person from the platform's own events (a settled hospital bill's own share, a lost category standing)
 * and from departments' systems under an agreement that names the kinds they may send — are matched to the registry
 * (kept unmatched until the person is registered), evaluated by the county's versioned rules, and turned into graded
 * warnings (红/橙/黄) that the village reporter or the township must check within the severity's working days. A check
 * that finds need opens a help request on the channel 主动发现（数据预警）, which then joins the normal flow.
 * <p>
 * Publishes {@link org.jijinan.monitoring.WarningsRaised} and {@link org.jijinan.monitoring.WarningChecked}, from which
 * supervision keeps the check's deadline, warnings and escalation. A rule can be tried on the stored signals of the
 * last twelve months before the county turns it on.
 */
@ApplicationModule(displayName = "Monitoring 监测预警",
		allowedDependencies = { "shared", "region", "identity", "people", "intake", "casework", "relief", "calendar" })
@NullMarked
package org.jijinan.monitoring;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
