package org.jijinan.casework;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A hardship cause of a case, from intake's taxonomy.
 *
 * @param causeCode the cause
 */
@Table("casework_case_cause")
record CaseCause(String causeCode) {
}
