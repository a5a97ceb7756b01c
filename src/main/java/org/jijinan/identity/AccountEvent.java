package org.jijinan.identity;

import org.jijinan.shared.AuditableEvent;

/**
 * Something that happened to one account; audited with the account as its subject.
 */
public interface AccountEvent extends AuditableEvent {

	/**
	 * @return the account concerned
	 */
	AccountId accountId();

	@Override
	default String auditSubjectType() {
		return "account";
	}

	@Override
	default String auditSubjectId() {
		return accountId().toString();
	}

}
