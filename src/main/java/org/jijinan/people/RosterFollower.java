package org.jijinan.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the rosters' change log for a reader inside the platform (the relay to Kafka, early warning), whose cursor
 * this module keeps under the reader's name ({@code people_roster_reader}). Each page is one transaction: the cursor
 * is taken with a row lock, the reader handles the changes of every category after it, and the cursor moves — so a
 * change is handled once, whichever node follows and whenever one stops. A reader starts from the moment it first
 * follows; what came before is in the rosters themselves.
 */
@Service
public class RosterFollower {

	private final JdbcClient jdbc;

	private final RosterChanges changes;

	private final CategoryStandings standings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RosterFollower(JdbcClient jdbc, RosterChanges changes, CategoryStandings standings,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.standings = standings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Hands the changes after the reader's cursor to it, page by page, each page in its own transaction.
	 *
	 * @param reader the reader's name, prefixed with its module ({@code monitoring.standing-ended})
	 * @param pageSize changes per page
	 * @param maxPages pages at most, before the next run
	 * @param handler handles one page inside its transaction
	 */
	public void follow(String reader, int pageSize, int maxPages, Consumer<List<RosterChanges.Change>> handler) {
		for (int page = 0; page < maxPages; page++) {
			if (!Boolean.TRUE.equals(transactions.execute(status -> page(reader, pageSize, handler)))) {
				return;
			}
		}
	}

	/**
	 * @return whether more changes may be waiting
	 */
	private boolean page(String reader, int pageSize, Consumer<List<RosterChanges.Change>> handler) {
		String cursor = jdbc.sql("select cursor from people_roster_reader where name = :name for update")
			.param("name", reader)
			.query(String.class)
			.optional()
			.orElse(null);
		if (cursor == null) {
			jdbc.sql("""
					insert into people_roster_reader (name, cursor, updated_at) values (:name, :cursor, :at)
					on conflict (name) do nothing""")
				.param("name", reader)
				.param("cursor", changes.cursorNow())
				.param("at", Timestamp.from(clock.instant()))
				.update();
			return false;
		}
		Set<String> categories = standings.categories().stream().map(Category::code).collect(Collectors.toSet());
		if (categories.isEmpty()) {
			return false;
		}
		RosterChanges.Page found = changes.since(cursor, categories, pageSize);
		handler.accept(found.changes());
		jdbc.sql("update people_roster_reader set cursor = :cursor, updated_at = :at where name = :name")
			.param("cursor", found.cursor())
			.param("at", Timestamp.from(clock.instant()))
			.param("name", reader)
			.update();
		return found.more();
	}

}
