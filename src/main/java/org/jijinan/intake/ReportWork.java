package org.jijinan.intake;

import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;

import org.springframework.stereotype.Component;

/**
 * Tells a reporter on his home page that reports of his have news — accepted, refused, aid given, the case ended —
 * one click from the list where he reads them.
 */
@Component
class ReportWork implements WaitingWork {

	private final MyReports reports;

	ReportWork(MyReports reports) {
		this.reports = reports;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (viewer.roles().stream().noneMatch(MyReports.REPORTER_ROLES::contains)) {
			return List.of();
		}
		long news = reports.withNews(viewer);
		return news == 0 ? List.of() : List.of(new WorkItem("home.work.reports-with-news", news, "/intake/mine", false));
	}

}
