package org.jijinan.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A backup finished, well or not: audited, with where it went, its size and rows, or why it failed.
 */
record BackupEnded(UUID run, boolean succeeded, @Nullable String folder, long bytes, long rows,
		@Nullable String reason, String by) implements AuditableEvent {

	@Override
	public String auditAction() {
		return succeeded ? "backup.taken" : "backup.failed";
	}

	@Override
	public String auditSubjectType() {
		return "backup";
	}

	@Override
	public String auditSubjectId() {
		return run.toString();
	}

	@Override
	public String auditResult() {
		return succeeded ? "SUCCESS" : "FAILURE";
	}

	@Override
	public @Nullable String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		Map<String, String> details = new LinkedHashMap<>();
		if (folder != null) {
			details.put("folder", folder);
		}
		if (succeeded) {
			details.put("bytes", Long.toString(bytes));
			details.put("rows", Long.toString(rows));
		}
		else if (reason != null) {
			details.put("reason", reason);
		}
		return details;
	}

}
