package org.jijinan.casework;

import org.jijinan.shared.Conflict;

/**
 * A task was asked to do something its state does not allow (accepting a completed task, say).
 */
class IllegalTaskTransition extends Conflict {

	IllegalTaskTransition(TaskStatus from, TaskStatus to) {
		super("casework.illegal-task-transition", from, to);
	}

}
