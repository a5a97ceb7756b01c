package org.jijinan.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.DivisionCode;

/**
 * A request to set up a unit.
 *
 * @param name its name
 * @param kind its kind
 * @param divisionCode the division it serves
 */
public record NewUnit(@NotBlank @Size(max = 100) String name, @NotNull UnitKind kind,
		@NotNull DivisionCode divisionCode) {
}
