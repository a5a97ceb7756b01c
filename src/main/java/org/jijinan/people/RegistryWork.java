package org.jijinan.people;

import java.util.List;

import org.jijinan.identity.Staff;
import org.jijinan.identity.WaitingWork;

import org.springframework.stereotype.Component;

/**
 * Puts the registry's own work on the home page of staff who register persons: look-alike pairs to review.
 */
@Component
class RegistryWork implements WaitingWork {

	private final Lookalikes lookalikes;

	private final PeopleSettings settings;

	RegistryWork(Lookalikes lookalikes, PeopleSettings settings) {
		this.lookalikes = lookalikes;
		this.settings = settings;
	}

	@Override
	public List<WorkItem> waitingFor(Staff viewer) {
		if (viewer.regionScope() == null || viewer.roles().stream().noneMatch(settings.registerRoles()::contains)) {
			return List.of();
		}
		long open = lookalikes.openCount(viewer);
		return open == 0 ? List.of() : List.of(new WorkItem("home.work.lookalikes", open, "/people/lookalikes", false));
	}

}
