package org.jijinan.identity;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login and session rules (S13).
 *
 * @param maxFailedLogins failures in a row that lock an account
 * @param lockout how long a lockout lasts unless an administrator lifts it sooner
 * @param idleTimeout idle session timeout for most staff
 * @param approverIdleTimeout idle session timeout for approval roles
 * @param passwordMaximumAge how old a password may get before it must be changed (0 = never; MLPS asks for periodic
 * change, ASVS advises against it: the default follows MLPS)
 * @param totpRequiredFor roles that must use a TOTP second factor; {@code ALL} stands for every role
 * @param totpIssuer the name authenticator apps show
 * @param partnerCallsPerMinute how many calls one partner system may make a minute on one application node
 * @param tokenCacheBound how long a node keeps who a bearer token names without asking the database again: a
 * revocation, a stopped account or a role change ends the token on the node that made it at once, and on every
 * other node within this bound (0 = ask the database on every call)
 */
@ConfigurationProperties("jijinan.identity")
@Validated
record IdentitySettings(@DefaultValue("5") @Min(1) @Max(20) int maxFailedLogins,
		@DefaultValue("15m") Duration lockout, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("15m") Duration approverIdleTimeout, @DefaultValue("180d") Duration passwordMaximumAge,
		@DefaultValue Set<String> totpRequiredFor, @DefaultValue("救急难") String totpIssuer,
		@DefaultValue("600") @Min(1) int partnerCallsPerMinute, @DefaultValue("10s") Duration tokenCacheBound) {

	boolean totpRequired(Set<Role> roles) {
		return totpRequiredFor.contains("ALL") || roles.stream().anyMatch(role -> totpRequiredFor.contains(role.name()));
	}

	Duration idleTimeoutFor(Set<Role> roles) {
		return roles.stream()
			.map(role -> role.idleTimeout(idleTimeout, approverIdleTimeout))
			.min(Duration::compareTo)
			.orElse(idleTimeout);
	}

}
