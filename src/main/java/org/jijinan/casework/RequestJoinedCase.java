package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A later accepted request about the same household joined its open case instead of opening another.
 *
 * @param number the case number
 * @param requestNumber the request that joined
 * @param by who accepted the request
 * @param at when
 */
public record RequestJoinedCase(String number, String requestNumber, String by, Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.request-joined";
	}

	@Override
	public String auditSubjectType() {
		return "case";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("request", requestNumber);
	}

}
