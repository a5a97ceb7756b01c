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
 * Follows the rosters' change log for a reader inside the platform (the relay to Kafka, early warning) that keeps its
 * cursor in a table of its own module with the columns {@code name}, {@code cursor} and {@code updated_at}. Each
 * page is one transaction: the cursor is taken with a row lock, the reader handles the changes of every category
 * after it, and the cursor moves — so a change is handled once, whichever node follows and whenever one stops. A
 * reader starts from the moment it first follows; what came before is in the rosters themselves.
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
	 * @param cursorTable the reader's cursor table (a constant of the reader's module)
	 * @param name the reader's row in it
	 * @param pageSize changes per page
	 * @param maxPages pages at most, before the next run
	 * @param reader handles one page inside its transaction
	 */
	public void follow(String cursorTable, String name, int pageSize, int maxPages,
			Consumer<List<RosterChanges.Change>> reader) {
		for (int page = 0; page < maxPages; page++) {
			if (!Boolean.TRUE.equals(transactions.execute(status -> page(cursorTable, name, pageSize, reader)))) {
				return;
			}
		}
	}

	/**
	 * @return whether more changes may be waiting
	 */
	private boolean page(String cursorTable, String name, int pageSize, Consumer<List<RosterChanges.Change>> reader) {
		String cursor = jdbc.sql("select cursor from " + cursorTable + " where name = :name for update")
			.param("name", name)
			.query(String.class)
			.optional()
			.orElse(null);
		if (cursor == null) {
			jdbc.sql("insert into " + cursorTable + " (name, cursor, updated_at) values (:name, :cursor, :at)"
					+ " on conflict (name) do nothing")
				.param("name", name)
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
		reader.accept(found.changes());
		jdbc.sql("update " + cursorTable + " set cursor = :cursor, updated_at = :at where name = :name")
			.param("cursor", found.cursor())
			.param("at", Timestamp.from(clock.instant()))
			.param("name", name)
			.update();
		return found.more();
	}

}
