package org.jijinan.monitoring;

import java.time.Clock;
import java.time.LocalDate;

import org.jijinan.people.Beneficiaries;
import org.jijinan.people.RosterChanges;
import org.jijinan.people.RosterFollower;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A household losing its category standing (低保, 特困 …) is a signal the platform sees itself: the rosters' change
 * log — staff, imports and expiry alike — is followed from a cursor ({@link RosterFollower}), and each standing that
 * ended on or before today becomes one {@code STANDING_ENDED} signal about the person (or the household's head),
 * judged at once. Reading, judging and moving the cursor happen in one transaction, so each ending is one signal
 * whichever node reads it. Reading starts from the moment the platform first runs it; endings before that are not
 * signals.
 */
@Component
class StandingSignals {

	private static final String NAME = "monitoring.standing-ended";

	private static final int PAGE = 500;

	private static final int PAGES_PER_RUN = 20;

	private final RosterFollower rosters;

	private final Beneficiaries beneficiaries;

	private final Signals signals;

	private final Clock clock;

	StandingSignals(RosterFollower rosters, Beneficiaries beneficiaries, Signals signals, Clock clock) {
		this.rosters = rosters;
		this.beneficiaries = beneficiaries;
		this.signals = signals;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${jijinan.monitoring.standing-interval:PT1M}", initialDelayString = "PT5S")
	void run() {
		rosters.follow(NAME, PAGE, PAGES_PER_RUN, page -> page.forEach(this::observe));
	}

	private void observe(RosterChanges.Change change) {
		LocalDate today = LocalDate.now(clock.withZone(Warnings.COUNTY_ZONE));
		LocalDate endedOn = "DELETE".equals(change.change()) ? today : change.validTo();
		if (endedOn == null || endedOn.isAfter(today)) {
			return;
		}
		beneficiaries.byPersonOrHousehold(change.personId(), change.householdId(), endedOn)
			.ifPresent(person -> signals.observe("standing:" + change.standingId() + ":" + endedOn,
					SignalKind.STANDING_ENDED, endedOn, person.personId(), person.householdId(),
					person.residencePath(), null, null, change.category()));
	}

}
