/**
 * Charity linkage (慈善衔接): charities' projects, the de-identified needs townships publish from cases with a legal
 * basis for sharing, a matching engine that explains its scores, claims that never commit beyond a project's budget,
 * and deliveries the township confirms into the household's assistance chain and the case's timeline.
 */
@ApplicationModule(displayName = "Charity 慈善衔接",
		allowedDependencies = { "shared", "region", "identity", "people", "intake", "casework", "relief" })
@NullMarked
package org.jijinan.charity;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
