package org.jijinan;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile as shipped: TOTP for all staff and secure cookies.
 */
class ProductionProfileTests {

	@Test
	void requiresTheSecondFactorForAllStaffAndSecureCookies() throws Exception {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yaml"));

		PropertySource<?> production = documents.stream()
			.filter(document -> "prod".equals(document.getProperty("spring.config.activate.on-profile")))
			.findFirst()
			.orElseThrow();
		assertThat(String.valueOf(production.getProperty("jijinan.identity.totp-required-for"))).isEqualTo("ALL");
		assertThat(String.valueOf(production.getProperty("server.servlet.session.cookie.secure"))).isEqualTo("true");
	}

}
