package org.jijinan.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * The township accepted a request (受理): a case is to be opened. Casework consumes this.
 *
 * @param number the receipt number
 * @param requestId the request
 * @param personId the registry person, when known
 * @param township the township that accepted
 * @param urgency how urgent
 * @param acceptedBy who accepted
 * @param receivedAt when the request was first received (the start of time to aid)
 * @param acceptedAt when it was accepted
 * @param subjectName the person's name as given, when not in the registry
 * @param causes the hardship causes given
 */
public record HelpRequestAccepted(String number, UUID requestId, @Nullable UUID personId, DivisionCode township,
		Urgency urgency, String acceptedBy, Instant receivedAt, Instant acceptedAt, @Nullable String subjectName,
		Set<String> causes) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "intake.request-accepted";
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
