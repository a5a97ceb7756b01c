package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A unit's office phone was set or cleared.
 *
 * @param unitId the unit
 * @param officePhone the number now, or none
 */
public record UnitOfficePhoneChanged(UnitId unitId, @Nullable String officePhone) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.unit-office-phone-changed";
	}

	@Override
	public String auditSubjectType() {
		return "unit";
	}

	@Override
	public String auditSubjectId() {
		return unitId.toString();
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("officePhone", officePhone == null ? "" : officePhone);
	}

}
