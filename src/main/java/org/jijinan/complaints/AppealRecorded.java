package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * An appeal against a decision was recorded as filed, or its outcome was.
 *
 * @param id the appeal
 * @param caseNumber the case whose decision is contested
 * @param kind {@code REVIEW} (行政复议) or {@code LAWSUIT} (行政诉讼)
 * @param reference the hearing body's case reference
 * @param outcome the outcome, once decided
 * @param by who recorded it
 * @param at when
 */
public record AppealRecorded(UUID id, String caseNumber, String kind, String reference, @Nullable String outcome,
		String by, Instant at) implements AuditableEvent {

	@Override
	public String auditAction() {
		return decided() ? "complaints.appeal-decided" : "complaints.appeal-filed";
	}

	/**
	 * @return whether this records the outcome
	 */
	public boolean decided() {
		return outcome != null;
	}

	@Override
	public String auditSubjectType() {
		return "appeal";
	}

	@Override
	public String auditSubjectId() {
		return id.toString();
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return outcome == null ? Map.of("case", caseNumber, "kind", kind, "reference", reference)
				: Map.of("case", caseNumber, "kind", kind, "reference", reference, "outcome", outcome);
	}

}
