package org.jijinan.identity;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.DivisionCode;

/**
 * A unit was set up.
 *
 * @param unitId the unit
 * @param kind its kind
 * @param divisionCode the division it serves
 */
public record UnitEstablished(UnitId unitId, UnitKind kind, DivisionCode divisionCode) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "identity.unit-established";
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
		return Map.of("kind", kind.name(), "division", divisionCode.value());
	}

}
