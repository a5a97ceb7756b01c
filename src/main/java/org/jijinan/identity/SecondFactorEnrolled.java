package org.jijinan.identity;

/**
 * A TOTP second factor was enrolled.
 *
 * @param accountId the account
 */
public record SecondFactorEnrolled(AccountId accountId) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.second-factor-enrolled";
	}

}
