package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A password was changed by its owner or reset to a one-time password by an administrator.
 *
 * @param accountId the account
 * @param reset set by an administrator as a one-time password
 */
public record PasswordChanged(AccountId accountId, boolean reset) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.password-changed";
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
		return Map.of("reset", String.valueOf(reset));
	}

}
