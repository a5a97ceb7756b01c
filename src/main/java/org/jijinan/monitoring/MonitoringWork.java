package org.jijinan.monitoring;

import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;

import org.springframework.stereotype.Component;

/**
 * Puts the warnings a worker owes a check on their home page.
 */
@Component
class MonitoringWork implements WaitingWork {

	private final Warnings warnings;

	MonitoringWork(Warnings warnings) {
		this.warnings = warnings;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		long owed = warnings.owedBy(viewer);
		return owed == 0 ? List.of() : List.of(new WorkItem("home.work.warnings", owed, "/monitoring/warnings", true));
	}

}
