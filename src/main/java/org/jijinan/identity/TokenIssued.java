package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A bearer token was issued: a personal token to a staff member or an access token to a partner client.
 *
 * @param tokenId the token's identifier (never the token itself)
 * @param holder the owner's login name or the client id
 * @param kind {@code PERSONAL} or {@code CLIENT}
 */
public record TokenIssued(String tokenId, String holder, String kind) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.token-issued";
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
		return Map.of("holder", holder, "kind", kind);
	}

}
