/**
 * Relief (救助): the money and goods that reach people in crisis — temporary assistance with its emergency path,
 * major-illness medical assistance settled at the hospital window, and payments made exactly once.
 * <p>
 * Its medical settlement engine ({@link org.jijinan.relief.SettlementEngine}) is a pure, versioned function of the
 * rules: no database, no clock.
 */
@ApplicationModule(displayName = "Relief 救助", allowedDependencies = { "shared", "region", "identity", "people", "intake", "casework", "calendar", "budget" })
@NullMarked
package org.jijinan.relief;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
