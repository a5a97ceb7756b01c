/**
 * Administrative divisions (行政区划): province, prefecture, county, township and village, each with its code,
 * name, parent, period of validity and successor when a code was replaced (a 乡 becoming a 镇). Answers "is this
 * division inside that one" for data scopes, and imports further divisions from CSV.
 * <p>
 * Does not know about people, units or accounts; other modules refer to divisions by {@code DivisionCode}.
 */
@ApplicationModule(displayName = "Region 行政区划", allowedDependencies = "shared")
@NullMarked
package org.jijinan.region;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
