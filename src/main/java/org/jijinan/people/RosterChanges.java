package org.jijinan.people;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes to category standings since a cursor, for the roster feeds of partner departments: in the order of
 * their transactions, only from transactions older than every transaction still running (so none committed later
 * can fall behind a cursor already handed out), and after a full extract none that the extract already shows. A
 * partner following the cursor sees every change once.
 * <p>
 * A cursor is opaque to partners: the position (transaction, change) and, after an extract, the extract's snapshot.
 */
@Service
public class RosterChanges {

	private final JdbcClient jdbc;

	RosterChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The standings in force today in the given categories of the people living in a region, and the cursor to
	 * follow the changes from.
	 * @param scope the region's division code
	 */
	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public Extract extract(Set<String> categories, DivisionCode scope, LocalDate today) {
		String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
		List<Change> standings = jdbc.sql("""
				select id, category_code, person_id, household_id, valid_from, valid_to from people_category_membership
				 where category_code in (:categories) and valid_from <= :today and (valid_to is null or valid_to >= :today)
				   and (person_id is not null and exists (select 1 from people_person p where p.id = person_id
				            and p.residence_path like '%/' || :scope || '/%')
				        or household_id is not null and exists (select 1 from people_household h where h.id = household_id
				            and h.village_path like '%/' || :scope || '/%'))
				 order by id""")
			.param("categories", categories)
			.param("scope", scope.value())
			.param("today", today)
			.query((row, n) -> new Change(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
					row.getObject(4, UUID.class), row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class),
					"INSERT"))
			.list();
		return new Extract(standings, encode(new Cursor(snapshot, "0", 0)));
	}

	/**
	 * The changes after a cursor to the standings of the people living in a region, at most {@code limit}, and the
	 * cursor to ask from next.
	 * @param scope the region's division code
	 */
	@Transactional(readOnly = true)
	public Page since(String cursor, Set<String> categories, DivisionCode scope, int limit) {
		return since(cursor, categories, scope.value(), limit);
	}

	/**
	 * The changes after a cursor to the standings of everyone, at most {@code limit}: for relaying them to other
	 * systems, which receive no personal data with them.
	 */
	@Transactional(readOnly = true)
	public Page since(String cursor, Set<String> categories, int limit) {
		return since(cursor, categories, "", limit);
	}

	/**
	 * @return a cursor from which {@link #since} gives every change committed after this moment
	 */
	@Transactional(readOnly = true)
	public String cursorNow() {
		return encode(new Cursor(jdbc.sql("select pg_current_snapshot()::text").query(String.class).single(), "0", 0));
	}

	private Page since(String cursor, Set<String> categories, String scope, int limit) {
		Cursor after = decode(cursor);
		String xmin = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
		if (Long.parseUnsignedLong(after.xact()) >= Long.parseUnsignedLong(xmin)) {
			throw new RuleViolation("people.cursor-from-the-future");
		}
		List<Positioned> rows = jdbc.sql("""
				select id, xact::text as xact, membership_id, category_code, person_id, household_id, valid_from, valid_to,
				       change
				  from people_roster_change
				 where (xact, id) > (cast(:xact as xid8), :id) and xact < cast(:xmin as xid8)
				   and (:snapshot = '' or not pg_visible_in_snapshot(xact, cast(:snapshot as pg_snapshot)))
				   and category_code in (:categories)
				   and (:scope = '' or person_id is not null and exists (select 1 from people_person p where p.id = person_id
				            and p.residence_path like '%/' || :scope || '/%')
				        or household_id is not null and exists (select 1 from people_household h where h.id = household_id
				            and h.village_path like '%/' || :scope || '/%'))
				 order by xact, id limit :limit""")
			.param("scope", scope)
			.param("xact", after.xact())
			.param("id", after.id())
			.param("xmin", xmin)
			.param("snapshot", after.snapshot())
			.param("categories", categories)
			.param("limit", limit)
			.query((row, n) -> new Positioned(row.getString("xact"), row.getLong("id"),
					new Change(row.getObject("membership_id", UUID.class), row.getString("category_code"),
							row.getObject("person_id", UUID.class), row.getObject("household_id", UUID.class),
							row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
							row.getString("change"))))
			.list();
		Cursor next = rows.isEmpty() ? after
				: new Cursor(after.snapshot(), rows.get(rows.size() - 1).xact(), rows.get(rows.size() - 1).id());
		return new Page(rows.stream().map(Positioned::change).toList(), encode(next), rows.size() == limit);
	}

	static String encode(Cursor cursor) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((cursor.xact() + "|" + cursor.id() + "|" + cursor.snapshot()).getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(@Nullable String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor == null ? "" : cursor),
					StandardCharsets.UTF_8).split("\\|", -1);
			if (parts.length != 3 || !parts[0].matches("\\d{1,19}") || !parts[1].matches("\\d{1,19}")
					|| !parts[2].matches("(\\d{1,19}:\\d{1,19}:[\\d,]{0,10000})?")) {
				throw new InvalidInput("people.cursor-malformed");
			}
			if (!parts[2].isEmpty() && !consistent(parts[2])) {
				throw new InvalidInput("people.cursor-malformed");
			}
			return new Cursor(parts[2], parts[0], Long.parseLong(parts[1]));
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidInput("people.cursor-malformed");
		}
	}

	/** A snapshot as PostgreSQL writes it: xmin ≤ every running transaction < xmax. */
	private static boolean consistent(String snapshot) {
		String[] parts = snapshot.split(":", -1);
		long xmin = Long.parseUnsignedLong(parts[0]);
		long xmax = Long.parseUnsignedLong(parts[1]);
		if (Long.compareUnsigned(xmin, xmax) > 0) {
			return false;
		}
		for (String running : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
			if (running.isEmpty() || Long.compareUnsigned(Long.parseUnsignedLong(running), xmin) < 0
					|| Long.compareUnsigned(Long.parseUnsignedLong(running), xmax) >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A position in the change log.
	 *
	 * @param snapshot the extract's snapshot, or empty
	 * @param xact the last transaction delivered
	 * @param id the last change delivered
	 */
	record Cursor(String snapshot, String xact, long id) {
	}

	private record Positioned(String xact, long id, Change change) {
	}

	/**
	 * A change to a standing (or, in an extract, a standing in force).
	 *
	 * @param standingId the standing
	 * @param category its category
	 * @param personId the person holding it
	 * @param householdId the household holding it
	 * @param validFrom from
	 * @param validTo to
	 * @param change {@code INSERT}, {@code UPDATE} or {@code DELETE}
	 */
	public record Change(UUID standingId, String category, @Nullable UUID personId, @Nullable UUID householdId,
			LocalDate validFrom, @Nullable LocalDate validTo, String change) {
	}

	/**
	 * A full extract.
	 *
	 * @param standings the standings in force
	 * @param cursor where to follow the changes from
	 */
	public record Extract(List<Change> standings, String cursor) {
	}

	/**
	 * A page of changes.
	 *
	 * @param changes the changes, oldest first
	 * @param cursor where to ask from next
	 * @param more whether more changes may be waiting
	 */
	public record Page(List<Change> changes, String cursor, boolean more) {
	}

}
