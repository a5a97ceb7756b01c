package org.jijinan.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.people.CategoryStandings;
import org.jijinan.people.RosterChanges;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

	private static final String NAME = "category-changed";

	private static final int PAGE = 500;

	private static final int PAGES_PER_RUN = 20;

	private final JdbcClient jdbc;

	private final RosterChanges changes;

	private final CategoryStandings standings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	CategoryChangeRelay(JdbcClient jdbc, RosterChanges changes, CategoryStandings standings,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.changes = changes;
		this.standings = standings;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${jijinan.sharing.relay-interval:PT10S}", initialDelayString = "PT1S")
	void run() {
		for (int page = 0; page < PAGES_PER_RUN; page++) {
			if (!Boolean.TRUE.equals(transactions.execute(status -> relayPage()))) {
				return;
			}
		}
	}

	/**
	 * Relays one page in the caller's transaction.
	 * @return whether more changes are waiting
	 */
	private boolean relayPage() {
		String cursor = jdbc.sql("select cursor from sharing_relay_cursor where name = :name for update")
			.param("name", NAME)
			.query(String.class)
			.optional()
			.orElse(null);
		if (cursor == null) {
			jdbc.sql("""
					insert into sharing_relay_cursor (name, cursor, updated_at) values (:name, :cursor, :at)
					on conflict (name) do nothing""")
				.param("name", NAME)
				.param("cursor", changes.cursorNow())
				.param("at", Timestamp.from(clock.instant()))
				.update();
			return false;
		}
		Set<String> categories = standings.categories()
			.stream()
			.map(category -> category.code())
			.collect(Collectors.toSet());
		RosterChanges.Page found = changes.since(cursor, categories, PAGE);
		for (RosterChanges.Change change : found.changes()) {
			events.publishEvent(new CategoryChangedV1(UUID.randomUUID().toString(), "category-changed",
					OutboundMessages.VERSION, clock.instant(), change.standingId().toString(), change.category(),
					change.change(), change.personId() == null ? null : change.personId().toString(),
					change.householdId() == null ? null : change.householdId().toString(), change.validFrom(),
					change.validTo()));
		}
		jdbc.sql("update sharing_relay_cursor set cursor = :cursor, updated_at = :at where name = :name")
			.param("cursor", found.cursor())
			.param("at", Timestamp.from(clock.instant()))
			.param("name", NAME)
			.update();
		return found.more();
	}

}
