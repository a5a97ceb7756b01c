package org.jijinan.backup;

import java.util.Map;

import org.jijinan.shared.AuditableEvent;

/**
 * Something happened to the master keys: a new one began sealing, older values were sealed again with it, or older
 * keys were retired. Audited under the key's number; the key itself never leaves the key folder.
 */
record KeyCustodyEvent(String action, int keyNumber, String by, Map<String, String> auditDetails)
		implements AuditableEvent {

	static final String ROTATED = "backup.key-rotated";

	static final String RESEALED = "backup.values-resealed";

	static final String RETIRED = "backup.keys-retired";

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditSubjectType() {
		return "master-key";
	}

	@Override
	public String auditSubjectId() {
		return Integer.toString(keyNumber);
	}

	@Override
	public String auditActor() {
		return by;
	}

}
