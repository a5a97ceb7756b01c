package org.jijinan.identity;

import java.util.Map;

/**
 * A password was changed by its owner or reset to a one-time password by an administrator.
 *
 * @param accountId the account
 * @param reset set by an administrator as a one-time password
 */
public record PasswordChanged(AccountId accountId, boolean reset) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.password-changed";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("reset", String.valueOf(reset));
	}

}
