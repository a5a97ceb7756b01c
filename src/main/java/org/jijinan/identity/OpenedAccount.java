package org.jijinan.identity;

/**
 * A newly opened account and its one-time password, shown to the administrator once.
 *
 * @param account the account
 * @param oneTimePassword to hand to the person; must be changed at the first login
 */
public record OpenedAccount(AccountView account, String oneTimePassword) {

	@Override
	public String toString() {
		return "OpenedAccount[" + account.username() + "]";
	}

}
