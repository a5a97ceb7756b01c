package org.jijinan.identity;

import java.util.Map;

/**
 * An account was locked after too many failed logins.
 *
 * @param accountId the account
 * @param username its login name
 */
public record AccountLocked(AccountId accountId, String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.account-locked";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("username", username);
	}

}
