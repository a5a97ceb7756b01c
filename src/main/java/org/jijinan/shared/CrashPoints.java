package org.jijinan.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named points in the middle of work that must survive a crash (a payment batch before it commits, a bank result
 * file half applied). The crash tests start the platform with {@code jijinan.crash-at=<name>}; reaching that point
 * then stops the JVM at once, as {@code kill -9} would. Unset — always, outside those tests — nothing happens.
 */
@Component
public class CrashPoints {

	private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

	private final String armed;

	CrashPoints(@Value("${jijinan.crash-at:}") String armed) {
		this.armed = armed;
		if (!armed.isEmpty()) {
			log.warn("Crash point '{}' is armed: the platform will halt when it gets there", armed);
		}
	}

	/**
	 * Halts the JVM when this point is the armed one.
	 * @param name the point's name
	 */
	public void reach(String name) {
		if (name.equals(armed)) {
			log.error("Crash point '{}' reached: halting", name);
			Runtime.getRuntime().halt(137);
		}
	}

}
