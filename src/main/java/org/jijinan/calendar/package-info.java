/**
 * The working-day calendar (工作日历): weekends, public holidays and make-up working days as data per year, and due
 * times computed on it in the county's time zone (办理时限 counted in working days or hours). County administrators
 * enter each year's official days when they are published; a year without them is flagged and counts weekends only.
 * <p>
 * Knows nothing of what the deadlines are for; intake, casework and supervision ask it.
 */
@ApplicationModule(displayName = "Calendar 工作日历", allowedDependencies = "shared")
@NullMarked
package org.jijinan.calendar;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
