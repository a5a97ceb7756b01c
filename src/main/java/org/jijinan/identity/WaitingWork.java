package org.jijinan.identity;

import java.util.List;

/**
 * Something other modules implement to put items on a person's home page ("what is waiting for me"). Each module
 * answers for its own work (requests to accept, tasks due, cases to approve …) within the viewer's scope.
 */
public interface WaitingWork {

	/**
	 * @param viewer the signed-in person
	 * @return what waits for them, most urgent first; empty when nothing does
	 */
	List<WorkItem> waitingFor(Staff viewer);

	/**
	 * One line on the home page.
	 *
	 * @param titleKey message key of the item's title
	 * @param count how many
	 * @param link where to go to deal with them
	 * @param urgent shown highlighted
	 */
	record WorkItem(String titleKey, long count, String link, boolean urgent) {
	}

}
