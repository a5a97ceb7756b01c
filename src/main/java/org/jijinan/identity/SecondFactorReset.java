package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * An administrator removed a TOTP second factor so that it can be enrolled again.
 *
 * @param accountId the account
 */
public record SecondFactorReset(AccountId accountId) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.second-factor-reset";
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
