package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * An account was locked after too many failed logins.
 *
 * @param accountId the account
 * @param username its login name
 */
public record AccountLocked(AccountId accountId, String username) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.account-locked";
	}

	@Override
	public String auditSubjectType() {
		return "account";
	}

	@Override
	public String auditSubjectId() {
		return accountId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("username", username);
	}

}
