package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A TOTP second factor was enrolled.
 *
 * @param accountId the account
 */
public record SecondFactorEnrolled(AccountId accountId) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.second-factor-enrolled";
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
