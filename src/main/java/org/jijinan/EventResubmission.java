package org.jijinan;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listeners did not complete (a crash, a stopped node, a failed listener) to their listeners
 * again, every minute, once they are a minute old. Listeners are idempotent, so several nodes doing this at once is
 * harmless. Replaces resubmission at start-up, which several nodes would do all at once.
 */
@Component
class EventResubmission {

	private final IncompleteEventPublications incomplete;

	EventResubmission(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void resubmit() {
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
	}

}
