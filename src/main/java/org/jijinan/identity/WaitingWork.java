package org.jijinan.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;

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
	 * @param detail what the line is about when it stands for one thing (a case's number and the person's name)
	 */
	record WorkItem(String titleKey, long count, String link, boolean urgent, @Nullable String detail) {

		/**
		 * A line that counts things of one kind, dealt with on one page.
		 */
		public WorkItem(String titleKey, long count, String link, boolean urgent) {
			this(titleKey, count, link, urgent, null);
		}

	}

}
