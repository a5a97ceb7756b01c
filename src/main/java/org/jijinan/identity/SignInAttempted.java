package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Someone tried to sign in, with a password or a second factor, and succeeded or failed.
 *
 * @param username the login name given (at most 40 characters kept)
 * @param step {@code PASSWORD}, {@code TOTP} (second factor), {@code CLIENT} (a partner system's credentials) or
 * {@code LOGOUT}
 * @param outcome {@code SUCCESS}, {@code BAD_CREDENTIALS}, {@code LOCKED}, {@code DISABLED}, {@code BAD_CODE},
 * {@code REUSED_CODE}
 */
public record SignInAttempted(String username, String step, String outcome) implements AuditableEvent {

	public SignInAttempted {
		username = username.length() > 40 ? username.substring(0, 40) : username;
	}

	@Override
	public String auditAction() {
		return "identity.sign-in." + step.toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String auditSubjectType() {
		return "account";
	}

	@Override
	public String auditSubjectId() {
		return username;
	}

	@Override
	public String auditResult() {
		return "SUCCESS".equals(outcome) ? "SUCCESS" : "FAILURE";
	}

	@Override
	public String auditActor() {
		return username;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("outcome", outcome);
	}

}
