/**
 * Social-work services (社会工作服务): the government's purchase contracts with agencies, and on the cases referred to
 * an agency — a needs assessment, a service plan in the six service types, service records and follow-up. An agency
 * sees only the cases referred to it and shared on a legal basis.
 */
@ApplicationModule(displayName = "Services 社会工作服务",
		allowedDependencies = { "shared", "region", "identity", "casework", "budget" })
@NullMarked
package org.jijinan.services;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
