package org.jijinan.charity;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A charity project.
 *
 * @param id the project
 * @param unitName the charity
 * @param name the project's name
 * @param description what it does
 * @param causes the hardship causes it helps with (none: every cause)
 * @param targetGroups the registry's categories it serves (none: everyone)
 * @param regions the division codes it serves (a county serves all its townships)
 * @param perCaseMax the most it gives one case
 * @param budget its budget
 * @param committed what it has promised or given
 * @param remaining what is left to promise
 * @param goods goods it can give
 * @param active whether it takes new needs
 */
public record ProjectView(UUID id, String unitName, String name, @Nullable String description, List<String> causes,
		List<String> targetGroups, List<String> regions, BigDecimal perCaseMax, BigDecimal budget, BigDecimal committed, BigDecimal remaining,
		@Nullable String goods, boolean active) {
}
