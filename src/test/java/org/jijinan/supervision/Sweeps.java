package org.jijinan.supervision;

import org.springframework.context.ApplicationContext;

/**
 * Runs the deadline sweep for tests of other modules whose steps supervision keeps, as its schedule would.
 */
public final class Sweeps {

	private Sweeps() {
	}

	/**
	 * Sweeps once: each step due for a warning or an escalation moves one stage on.
	 */
	public static void sweep(ApplicationContext context) {
		context.getBean(DeadlineSweep.class).sweep();
	}

}
