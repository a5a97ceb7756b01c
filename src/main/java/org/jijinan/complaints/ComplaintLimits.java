package org.jijinan.complaints;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.ProblemKind;

import org.springframework.stereotype.Component;

/**
 * Rate limits of the public complaint pages, per client address and per phone number given: a flood is answered
 * with 429, how long to wait, and the hotline. Limits are per application node.
 */
@Component
class ComplaintLimits {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final ComplaintsSettings settings;

	ComplaintLimits(ComplaintsSettings settings) {
		this.settings = settings;
	}

	void fromAddress(String address) {
		take("address:" + address, settings.perAddressPerHour(), Duration.ofHours(1));
	}

	void fromPhone(String phone) {
		take("phone:" + phone, settings.perPhonePerHour(), Duration.ofHours(1));
	}

	void lookup(String address) {
		take("lookup:" + address, 10, Duration.ofMinutes(10));
	}

	/**
	 * Forgets every client's history (tests share one address).
	 */
	void reset() {
		buckets.clear();
	}

	private void take(String key, int capacity, Duration period) {
		var probe = buckets
			.computeIfAbsent(key, any -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
				.build())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyComplaints(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
		}
	}

	/**
	 * Too many complaints or look-ups from one client or phone; try again after the given seconds.
	 */
	static final class TooManyComplaints extends DomainProblem {

		private final long retryAfterSeconds;

		TooManyComplaints(long retryAfterSeconds) {
			super(ProblemKind.BAD_INPUT, "complaints.too-many", retryAfterSeconds);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

}
