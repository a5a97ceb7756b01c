package org.jijinan.identity;

import java.util.Map;

/**
 * The roles of an account were changed.
 *
 * @param accountId the account
 * @param roles the roles it holds now
 */
public record AccountRolesChanged(AccountId accountId, java.util.Set<Role> roles) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.roles-changed";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("roles", roles.toString());
	}

}
