package org.jijinan.monitoring;

import java.time.Instant;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A warning was raised and is owed a check by its owner, with the township answering for it; published among the
 * others its transaction raised ({@link WarningsRaised}).
 *
 * @param number the warning's number
 * @param township the township of the household's residence
 * @param owner who checks it: the village's reporter, otherwise a member of the township's staff
 * @param severity how grave it is
 * @param rule the rule that raised it
 * @param raisedAt when
 * @param dueAt when the check is due
 */
public record WarningRaised(String number, DivisionCode township, @Nullable String owner, Severity severity, RuleCode rule,
		Instant raisedAt, Instant dueAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "monitoring.warning-raised";
	}

	@Override
	public String auditSubjectType() {
		return "warning";
	}

	@Override
	public String auditSubjectId() {
		return number;
	}

	@Override
	public String auditActor() {
		return "system";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("rule", rule.name(), "severity", severity.name(), "owner", owner == null ? "" : owner);
	}

}
