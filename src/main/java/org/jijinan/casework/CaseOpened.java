package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.intake.Urgency;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A case was opened from an accepted request.
 *
 * @param number the case number
 * @param caseId the case
 * @param requestNumber the request that opened it
 * @param township the township handling it
 * @param urgency how urgent
 * @param handler who is responsible for it
 * @param firstReceivedAt when the request was first received (the start of time to aid)
 * @param openedAt when the case was opened
 */
public record CaseOpened(String number, UUID caseId, String requestNumber, DivisionCode township, Urgency urgency,
		String handler, Instant firstReceivedAt, Instant openedAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.case-opened";
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
		return handler;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("request", requestNumber, "township", township.value());
	}

}
