package org.jijinan.people;

import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;

/**
 * A roster import ended, completed or refused.
 *
 * @param importId the import
 * @param status {@code COMPLETED} or {@code REJECTED}
 * @param outcome the counts, or the reason for refusing the file
 */
public record RosterImported(UUID importId, String status, String outcome) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "people.roster-import-ended";
	}

	@Override
	public String auditSubjectType() {
		return "roster-import";
	}

	@Override
	public String auditSubjectId() {
		return importId.toString();
	}

	@Override
	public String auditResult() {
		return "COMPLETED".equals(status) ? "SUCCESS" : "FAILURE";
	}

	@Override
	public String auditActor() {
		return "system:roster-import";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("status", status, "outcome", outcome);
	}

}
