package org.jijinan.identity;

/**
 * An administrator removed a TOTP second factor so that it can be enrolled again.
 *
 * @param accountId the account
 */
public record SecondFactorReset(AccountId accountId) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.second-factor-reset";
	}

}
