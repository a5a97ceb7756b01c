package org.jijinan.people;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a running import needs to know about itself.
 *
 * @param importId the import
 * @param category the category its rows are granted, if any
 * @param graded whether that category carries a grade
 * @param household whether that category is held by households (rows then name their head and relationship)
 * @param source the source recorded on each standing
 * @param validFrom the first day of each standing
 * @param scopePath the uploader's region subtree
 */
record RosterRun(UUID importId, @Nullable String category, boolean graded, boolean household, String source,
		LocalDate validFrom,
		String scopePath) {
}
