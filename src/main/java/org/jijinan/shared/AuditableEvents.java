package org.jijinan.shared;

import java.util.List;

/**
 * An event that reports many auditable changes of one transaction at once (the warnings a department's file raised):
 * the audit trail appends a record for each, in order, under one lock of the chain head — as many records as the
 * events published one by one would leave, without a round trip to the chain head for each.
 */
public interface AuditableEvents {

	/**
	 * @return the changes, in the order they happened
	 */
	List<? extends AuditableEvent> auditables();

}
