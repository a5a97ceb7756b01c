package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * An administrator lifted a lockout.
 *
 * @param accountId the account
 */
public record AccountUnlocked(AccountId accountId) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.account-unlocked";
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
		return Map.of();
	}

}
