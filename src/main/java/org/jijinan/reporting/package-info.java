/**
 * Dashboards (统计分析): how fast people get help — first contact to first aid, median and 90th percentile — by
 * township, month, channel, cause and urgency; requests; units' on-time rates and returns; amounts by scheme; charity
 * help and services delivered; what each early-warning rule found. Fed by the other modules' events into small roll-ups, each with the facts it came from
 * kept beside it so it can be rebuilt, filtered by period and region within the viewer's scope, every table
 * exportable to Excel.
 */
@ApplicationModule(displayName = "Reporting 统计分析",
		allowedDependencies = { "shared", "region", "identity", "intake", "casework", "relief", "monitoring", "complaints", "charity" })
@NullMarked
package org.jijinan.reporting;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
