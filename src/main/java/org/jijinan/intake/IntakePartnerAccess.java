package org.jijinan.intake;

import org.jijinan.identity.PartnerEndpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The hotline system and departments may submit and follow requests with the {@code help-requests:write} scope.
 */
@Configuration(proxyBeanMethods = false)
class IntakePartnerAccess {

	static final String SCOPE = "help-requests:write";

	@Bean
	PartnerEndpoint submitHelpRequests() {
		return new PartnerEndpoint(HttpMethod.POST, "/api/v1/help-requests", SCOPE);
	}

	@Bean
	PartnerEndpoint followHelpRequests() {
		return new PartnerEndpoint(HttpMethod.GET, "/api/v1/help-requests/*", SCOPE);
	}

}
