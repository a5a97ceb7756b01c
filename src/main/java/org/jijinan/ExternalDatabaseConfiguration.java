package org.jijinan;

import org.jijinan.shared.DeploymentMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With an external PostgreSQL (standard {@code spring.datasource.*} properties) Spring Boot builds the data source
 * and the platform never loads demo data.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseCondition.class)
class ExternalDatabaseConfiguration {

	@Bean
	DeploymentMode deploymentMode() {
		return new DeploymentMode(false, false);
	}

}
