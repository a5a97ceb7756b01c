package org.jijinan.identity;

/**
 * An administrator stopped an account (停用): the person left or must not act any more. No sign-in, no session and no
 * personal token of the account is honoured from then on, on any node.
 *
 * @param accountId the account
 */
public record AccountDisabled(AccountId accountId) implements AccountEvent {

	@Override
	public String auditAction() {
		return "identity.account-disabled";
	}

}
