package org.jijinan.audit;

import org.springframework.context.ApplicationContext;

/**
 * Runs the anchoring of the audit chains' heads now, as its schedule would, for tests outside the audit module.
 */
public final class AuditAnchors {

	private AuditAnchors() {
	}

	/**
	 * @return how many chains had moved since their last anchor and were anchored now
	 */
	public static int now(ApplicationContext context) {
		return context.getBean(ChainAnchors.class).anchor();
	}

}
