/**
 * Coordinated handling (协同办理): the case opened when a township accepts a request, one per household per
 * emergency, with an explicit life cycle from investigation to closure and a timeline of everything that happened
 * to it and who did it.
 * <p>
 * Consumes intake's {@code HelpRequestAccepted} in the accepting transaction and answers intake's
 * {@code RequestCases}; publishes {@code CaseOpened}, {@code RequestJoinedCase} and {@code CaseStatusChanged} for
 * supervision, notification and audit.
 */
@ApplicationModule(displayName = "Casework 个案办理",
		allowedDependencies = { "shared", "region", "people", "identity", "intake", "calendar", "timelimits" })
@NullMarked
package org.jijinan.casework;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
