package org.jijinan.identity;

/**
 * An administrator lifted a lockout.
 *
 * @param accountId the account
 */
public record AccountUnlocked(AccountId accountId) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.account-unlocked";
	}

}
