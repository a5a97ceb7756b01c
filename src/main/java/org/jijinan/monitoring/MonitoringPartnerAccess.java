package org.jijinan.monitoring;

import java.util.EnumSet;
import java.util.Set;

import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.identity.UnitKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Departments' and hospitals' systems may send signals with the {@code signals:write} scope (what each may send is
 * its agreement's business).
 */
@Configuration(proxyBeanMethods = false)
class MonitoringPartnerAccess {

	private static final Set<UnitKind> HOLDERS = holders();

	private static Set<UnitKind> holders() {
		Set<UnitKind> kinds = EnumSet.of(UnitKind.HOSPITAL);
		kinds.addAll(UnitKind.departments());
		return kinds;
	}

	@Bean
	PartnerEndpoint sendSignals() {
		return new PartnerEndpoint(HttpMethod.POST, "/api/v1/monitoring-signals", Signals.SCOPE, HOLDERS);
	}

	@Bean
	PartnerEndpoint sendSignalFiles() {
		return new PartnerEndpoint(HttpMethod.POST, "/api/v1/monitoring-signals/files", Signals.SCOPE, HOLDERS);
	}

}
