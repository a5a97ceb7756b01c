package org.jijinan.backup;

import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;
import org.jijinan.shared.DivisionCode;

import org.springframework.stereotype.Component;

/**
 * Puts backups that need an administrator on the county administrators' home pages: the latest one failed, none
 * succeeded for too long, or none can be taken for want of a passphrase.
 */
@Component
class BackupWork implements WaitingWork {

	private final ScheduledBackups backups;

	BackupWork(ScheduledBackups backups) {
		this.backups = backups;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		DivisionCode scope = viewer.regionScope();
		if (!viewer.administers() || scope == null || scope.value().length() != 6) {
			return List.of();
		}
		BackupState state = backups.state();
		if (!state.needsAttention()) {
			return List.of();
		}
		String title = !state.configured() ? "backup.work.not-configured"
				: state.failed() ? "backup.work.failed" : "backup.work.overdue";
		return List.of(new WorkItem(title, 1, "/admin/backups", state.configured()));
	}

}
