/**
 * One door for every request (一门受理): help requests and leads (求助、线索) from the window, the 12349 hotline,
 * field reports, online and departments, each with its first-contact owner (首问负责制) from the first minute, routed
 * at once to the township responsible, with a clock for accepting or refusing it. Retried submissions with one
 * idempotency key make one request.
 * <p>
 * Does not handle the case: accepting a request publishes {@code HelpRequestAccepted}, which casework consumes.
 */
@ApplicationModule(displayName = "Intake 受理",
		allowedDependencies = { "shared", "region", "people", "identity", "calendar", "timelimits" })
@NullMarked
package org.jijinan.intake;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
