package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * The township refused a request (不予受理) with a written reason, which is sent to the applicant.
 *
 * @param number the receipt number
 * @param township the township that refused
 * @param refusedBy who refused
 * @param refusedAt when
 */
public record HelpRequestRefused(String number, DivisionCode township, String refusedBy, Instant refusedAt)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.request-refused";
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
		return Map.of("township", township.value());
	}

}
