package org.jijinan.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request to open a staff account.
 *
 * @param username the login name (3–40 of a–z, 0–9, dot, dash, underscore)
 * @param displayName the person's name as colleagues see it
 * @param unitId the unit they work for
 * @param roles the roles they hold
 */
public record NewAccount(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 60) String displayName,
		@NotNull UnitId unitId, @NotEmpty Set<Role> roles) {
}
