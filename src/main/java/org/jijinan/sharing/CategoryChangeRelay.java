package org.jijinan.sharing;

import java.time.Clock;
import java.util.UUID;

import org.jijinan.people.RosterChanges;
import org.jijinan.people.RosterFollower;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Relays the changes to the category rosters (低保、特困 …) — from staff, imports and expiry alike, as the roster's
 * change log records them — as {@link CategoryChangedV1} messages. Each run takes the relay's cursor with a row lock,
 * turns the changes after it into messages and moves the cursor, all in one transaction: a change becomes one message,
 * whichever node relays and whenever one stops. Relaying starts when Kafka is first configured; what came before is
 * in the roster feed's full extract.
 */
@Component
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class CategoryChangeRelay {

	private static final String NAME = "sharing.category-changed";

	private static final int PAGE = 500;

	private static final int PAGES_PER_RUN = 20;

	private final RosterFollower rosters;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CategoryChangeRelay(RosterFollower rosters, ApplicationEventPublisher events, Clock clock) {
		this.rosters = rosters;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${jijinan.sharing.relay-interval:PT10S}", initialDelayString = "PT1S")
	void run() {
		rosters.follow(NAME, PAGE, PAGES_PER_RUN, page -> page.forEach(this::relay));
	}

	private void relay(RosterChanges.Change change) {
		events.publishEvent(new CategoryChangedV1(UUID.randomUUID().toString(), "category-changed",
				OutboundMessages.VERSION, clock.instant(), change.standingId().toString(), change.category(),
				change.change(), change.personId() == null ? null : change.personId().toString(),
				change.householdId() == null ? null : change.householdId().toString(), change.validFrom(),
				change.validTo()));
	}

}
