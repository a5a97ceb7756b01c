package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A decision was proposed, reviewed, approved, refused or withdrawn.
 *
 * @param decisionId the decision
 * @param caseNumber its case
 * @param status where it now stands
 * @param by who acted
 * @param at when
 * @param cashAmount the cash concerned
 * @param level who approves it
 * @param reason the refusal's written reason
 */
public record DecisionMade(UUID decisionId, String caseNumber, DecisionStatus status, String by, Instant at,
		BigDecimal cashAmount, ApprovalLevel level, @Nullable String reason) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "relief.decision-" + status.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String auditSubjectType() {
		return "relief-decision";
	}

	@Override
	public String auditSubjectId() {
		return decisionId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("case", caseNumber, "cash", cashAmount.toPlainString(), "level", level.name());
	}

}
