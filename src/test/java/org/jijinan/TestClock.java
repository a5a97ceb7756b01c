package org.jijinan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock tests can move forward; it follows the system clock plus an offset.
 */
public class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Moves the clock forward.
	 * @param amount how far
	 */
	public void advance(Duration amount) {
		offset = offset.plus(amount);
	}

	/**
	 * Back to the real time.
	 */
	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return Clock.offset(Clock.system(other), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

}
