package org.jijinan.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.ProblemKind;

import org.springframework.stereotype.Component;

/**
 * Rate limits for the pages anyone can use without signing in, per client address: a flood of submissions or of
 * guesses at request numbers is answered with 429 and how long to wait. Limits are per application node.
 */
@Component
class PublicLimits {

	private final Map<String, Bucket> submissions = new ConcurrentHashMap<>();

	private final Map<String, Bucket> lookups = new ConcurrentHashMap<>();

	private final String hotlineNumber;

	PublicLimits(IntakeSettings settings) {
		this.hotlineNumber = settings.hotlineNumber();
	}

	void submission(String client) {
		take(submissions.computeIfAbsent(client, key -> bucket(5, Duration.ofHours(1))));
	}

	void lookup(String client) {
		take(lookups.computeIfAbsent(client, key -> bucket(10, Duration.ofMinutes(10))));
	}

	/**
	 * Forgets every client's history (tests share one address).
	 */
	void reset() {
		submissions.clear();
		lookups.clear();
	}

	private void take(Bucket bucket) {
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequests(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()),
					hotlineNumber);
		}
	}

	private static Bucket bucket(int capacity, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

	/**
	 * Too many requests from one client; try again after the given seconds.
	 */
	static final class TooManyRequests extends DomainProblem {

		private final long retryAfterSeconds;

		TooManyRequests(long retryAfterSeconds, String hotlineNumber) {
			super(ProblemKind.BAD_INPUT, "intake.too-many-requests", retryAfterSeconds, hotlineNumber);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

}
