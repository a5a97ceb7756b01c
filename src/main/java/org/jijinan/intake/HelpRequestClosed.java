package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * A request left the queue without a decision of its own: merged into another request, or forwarded to another
 * county.
 *
 * @param number the request
 * @param how {@code MERGED} or {@code FORWARDED}
 * @param where the request it was merged into, or the county it was forwarded to
 * @param by who did it
 * @param at when
 */
public record HelpRequestClosed(String number, String how, String where, String by, Instant at)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.request-" + how.toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String auditSubjectType() {
		return "help-request";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("to", where);
	}

}
