package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A bearer token was revoked before it expired.
 *
 * @param tokenId the token's identifier
 * @param by who revoked it
 */
public record TokenRevoked(String tokenId, String by) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.token-revoked";
	}

	@Override
	public String auditSubjectType() {
		return "token";
	}

	@Override
	public String auditSubjectId() {
		return tokenId;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("by", by);
	}

}
