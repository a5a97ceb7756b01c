package org.jijinan.identity;

import org.jijinan.shared.DivisionCode;

/**
 * What other modules and the API see of a unit.
 *
 * @param id its identifier
 * @param name its name
 * @param kind its kind
 * @param divisionCode the division it serves
 * @param demo invented for the demo
 * @param officePhone the office phone applicants are told to call, if the unit gave one
 */
public record UnitView(UnitId id, String name, UnitKind kind, DivisionCode divisionCode, boolean demo,
		@org.jspecify.annotations.Nullable String officePhone)
		implements java.io.Serializable {
}
