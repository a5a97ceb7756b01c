package org.jijinan.intake;

import java.util.EnumSet;
import java.util.Set;

import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.identity.UnitKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The hotline system and departments may submit and follow requests with the {@code help-requests:write} scope.
 */
@Configuration(proxyBeanMethods = false)
class IntakePartnerAccess {

	static final String SCOPE = "help-requests:write";

	private static final Set<UnitKind> HOLDERS = holders();

	private static Set<UnitKind> holders() {
		Set<UnitKind> kinds = EnumSet.of(UnitKind.HOTLINE_CENTRE, UnitKind.COUNTY_CIVIL_AFFAIRS,
				UnitKind.TOWNSHIP_GOVERNMENT, UnitKind.HOSPITAL);
		kinds.addAll(UnitKind.departments());
		return kinds;
	}

	@Bean
	PartnerEndpoint submitHelpRequests() {
		return new PartnerEndpoint(HttpMethod.POST, "/api/v1/help-requests", SCOPE, HOLDERS);
	}

	@Bean
	PartnerEndpoint followHelpRequests() {
		return new PartnerEndpoint(HttpMethod.GET, "/api/v1/help-requests/*", SCOPE, HOLDERS);
	}

}
