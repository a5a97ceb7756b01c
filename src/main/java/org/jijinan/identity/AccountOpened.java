package org.jijinan.identity;

import java.util.Map;

/**
 * An account was opened.
 *
 * @param accountId the account
 * @param username its login name
 * @param unitId its unit
 * @param roles the roles granted
 */
public record AccountOpened(AccountId accountId, String username, UnitId unitId, java.util.Set<Role> roles) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.account-opened";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("username", username, "unit", unitId.toString(), "roles", roles.toString());
	}

}
