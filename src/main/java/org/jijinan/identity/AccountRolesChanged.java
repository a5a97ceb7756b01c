package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * The roles of an account were changed.
 *
 * @param accountId the account
 * @param roles the roles it holds now
 */
public record AccountRolesChanged(AccountId accountId, java.util.Set<Role> roles) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.roles-changed";
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
		return Map.of("roles", roles.toString());
	}

}
