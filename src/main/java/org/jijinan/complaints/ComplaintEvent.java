package org.jijinan.complaints;

import org.jijinan.shared.AuditableEvent;

/**
 * Something that happened to a complaint, recorded in the audit trail under the complaint's number.
 */
public interface ComplaintEvent extends AuditableEvent {

	/**
	 * @return the complaint's number
	 */
	String number();

	@Override
	default String auditSubjectType() {
		return "complaint";
	}

	@Override
	default String auditSubjectId() {
		return number();
	}

}
