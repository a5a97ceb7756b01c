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

	@Bean
	PartnerEndpoint sendSignals() {
		Set<UnitKind> holders = EnumSet.of(UnitKind.HOSPITAL);
		holders.addAll(UnitKind.departments());
		return new PartnerEndpoint(HttpMethod.POST, "/api/v1/monitoring-signals", Signals.SCOPE, holders);
	}

}
