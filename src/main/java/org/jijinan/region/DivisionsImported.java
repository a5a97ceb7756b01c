package org.jijinan.region;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Divisions were added from an imported file.
 *
 * @param added how many
 * @param firstCode the first code added
 */
public record DivisionsImported(int added, String firstCode) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "region.divisions-imported";
	}

	@Override
	public String auditSubjectType() {
		return "division";
	}

	@Override
	public String auditSubjectId() {
		return firstCode;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("added", String.valueOf(added));
	}

}
