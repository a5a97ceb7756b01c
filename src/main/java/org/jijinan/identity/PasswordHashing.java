package org.jijinan.identity;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.annotation.Validated;

/**
 * Passwords are stored as Argon2id hashes ({@code {argon2}…}); hashes of other formats still verify, so the
 * algorithm can change without a migration. Needed with or without a web server (commands open accounts too).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashing.Cost.class)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder(Cost cost) {
		var argon2 = new Argon2PasswordEncoder(16, 32, 1, cost.memoryKib(), cost.iterations());
		var delegating = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
		delegating.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return delegating;
	}

	/**
	 * What one Argon2id hash costs. The defaults are Spring Security's (16 MiB, two passes); each hash records its own
	 * cost, so a change applies to passwords set from then on and every stored hash still verifies. The test suite,
	 * which opens thousands of accounts, sets a small cost.
	 *
	 * @param memoryKib memory per hash, in KiB
	 * @param iterations passes over the memory
	 */
	@ConfigurationProperties("jijinan.identity.password-hashing")
	@Validated
	record Cost(@DefaultValue("16384") @Min(8) @Max(1048576) int memoryKib,
			@DefaultValue("2") @Min(1) @Max(10) int iterations) {
	}

}
