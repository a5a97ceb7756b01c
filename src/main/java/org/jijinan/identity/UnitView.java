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
 */
public record UnitView(UnitId id, String name, UnitKind kind, DivisionCode divisionCode, boolean demo)
		implements java.io.Serializable {
}
