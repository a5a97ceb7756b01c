package org.jijinan.intake;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One hardship cause named on a request.
 *
 * @param causeCode the cause's code in the configurable taxonomy
 */
@Table("intake_help_request_cause")
record CauseRef(String causeCode) {
}
