package org.jijinan.casework;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Something was recorded in a case's investigation.
 *
 * @param caseNumber the case
 * @param what {@code VISIT_RECORDED}, {@code VISIT_CONFIRMED}, {@code PHOTO_ADDED}, {@code CHECK_REQUESTED},
 * {@code CHECK_REUSED}, {@code CHECK_REPORTED}, {@code EVALUATION_HELD}, {@code NOTICE_POSTED} or
 * {@code OBJECTION_RECEIVED}
 * @param by who
 * @param at when
 * @param detail a short description free of personal data
 */
public record InvestigationRecorded(String caseNumber, String what, String by, Instant at, String detail)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "casework.investigation-" + what.toLowerCase().replace('_', '-');
	}

	@Override
	public String auditSubjectType() {
		return "case";
	}

	@Override
	public String auditSubjectId() {
		return caseNumber;
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of();
	}

}
