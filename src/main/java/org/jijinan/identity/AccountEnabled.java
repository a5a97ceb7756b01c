package org.jijinan.identity;

/**
 * An administrator put a stopped account back in use; its earlier personal tokens stay ended.
 *
 * @param accountId the account
 */
public record AccountEnabled(AccountId accountId) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.account-enabled";
	}

}
