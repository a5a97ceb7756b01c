package org.jijinan.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event that must leave a record in the tamper-evident audit trail, written in the same transaction as the
 * change it reports. Implemented by the events of every module; the audit module listens to this type only, so it
 * depends on no other module.
 */
public interface AuditableEvent {

	/**
	 * @return what happened, as a stable dotted name such as {@code identity.account-created}
	 */
	String auditAction();

	/**
	 * @return the kind of thing concerned, such as {@code account}
	 */
	String auditSubjectType();

	/**
	 * @return the identifier of the thing concerned (never an ID number or other personal data)
	 */
	String auditSubjectId();

	/**
	 * @return {@code SUCCESS} or {@code FAILURE}
	 */
	default String auditResult() {
		return "SUCCESS";
	}

	/**
	 * @return who acted when the security context does not know (a login attempt), otherwise {@code null}
	 */
	default @Nullable String auditActor() {
		return null;
	}

	/**
	 * @return further facts worth keeping, free of personal data
	 */
	default Map<String, String> auditDetails() {
		return Map.of();
	}

}
