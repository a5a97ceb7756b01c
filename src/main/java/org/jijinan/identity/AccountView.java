package org.jijinan.identity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What administrators, colleagues and the API see of an account; never the password or second-factor secret.
 *
 * @param id the account
 * @param username its login name
 * @param displayName the person's name
 * @param unitId the unit
 * @param roles the roles held
 * @param locked whether a lockout is in force now
 * @param disabled whether an administrator stopped the account
 * @param mustChangePassword whether a one-time password is still in place
 * @param secondFactor whether TOTP is enrolled
 * @param lastLoginAt the last successful login
 */
public record AccountView(AccountId id, String username, String displayName, UnitId unitId, Set<Role> roles,
		boolean locked, boolean disabled, boolean mustChangePassword, boolean secondFactor, @Nullable Instant lastLoginAt) {

	static AccountView of(Account account, Instant now) {
		return new AccountView(account.id(), account.username(), account.displayName(), account.unitId(),
				account.roles(), account.isLocked(now), account.disabled(), account.mustChangePassword(), account.totpSecret() != null,
				account.lastLoginAt());
	}

}
