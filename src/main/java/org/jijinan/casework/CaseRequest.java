package org.jijinan.casework;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A help request that belongs to a case: the one that opened it, or a later one about the same household.
 *
 * @param requestNumber the request's receipt number
 * @param joinedAt when it joined the case
 */
@Table("casework_case_request")
record CaseRequest(String requestNumber, Instant joinedAt) {
}
