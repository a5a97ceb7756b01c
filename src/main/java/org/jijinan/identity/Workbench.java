package org.jijinan.identity;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Everything waiting for one person, gathered from every module that has work to hand out, most urgent first.
 */
@Component
class Workbench {

	private final List<WaitingWork> sources;

	Workbench(List<WaitingWork> sources) {
		this.sources = sources;
	}

	List<WaitingWork.WorkItem> itemsFor(Staff viewer) {
		return sources.stream()
			.flatMap(source -> source.waitingFor(viewer).stream())
			.sorted(Comparator.comparing(WaitingWork.WorkItem::urgent).reversed())
			.toList();
	}

}
