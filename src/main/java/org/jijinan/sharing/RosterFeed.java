package org.jijinan.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitId;
import org.jijinan.identity.UnitView;
import org.jijinan.people.Beneficiaries;
import org.jijinan.people.RosterChanges;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster feeds (低保、特困名册共享): a partner department's system takes a full extract once and then follows the
 * changes with the cursor each answer gives; it receives only the categories and fields its agreement allows, and
 * every read is audited with the partner, the number of records and the fields.
 */
@Service
public class RosterFeed {

	static final String SCOPE = "roster-feed:read";

	static final Set<String> FIELDS = Set.of("NAME", "ID_NUMBER", "RESIDENCE");

	private static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final RosterChanges changes;

	private final Beneficiaries beneficiaries;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RosterFeed(JdbcClient jdbc, RosterChanges changes, Beneficiaries beneficiaries, StaffDirectory directory,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.changes = changes;
		this.beneficiaries = beneficiaries;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A county administrator sets a department's agreement.
	 */
	@Transactional
	public Agreement agree(UUID unitId, @Nullable List<String> categories, @Nullable List<String> fields,
			Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null
				|| caller.regionScope().value().length() != 6) {
			throw new Forbidden("sharing.not-allowed");
		}
		UnitView unit = directory.unit(new UnitId(unitId)).orElseThrow(() -> new InvalidInput("sharing.unit-unknown"));
		List<String> wanted = categories == null ? List.of() : categories;
		List<String> allowed = fields == null ? List.of() : fields;
		if (wanted.isEmpty() || wanted.stream().anyMatch(code -> !code.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("sharing.categories-required");
		}
		if (!FIELDS.containsAll(allowed)) {
			throw new InvalidInput("sharing.fields-invalid");
		}
		jdbc.sql("""
				insert into sharing_agreement (unit_id, unit_name, categories, fields, updated_by, updated_at)
				values (:unit, :name, :categories, :fields, :by, :at)
				on conflict (unit_id) do update set categories = excluded.categories, fields = excluded.fields,
				       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.param("unit", unitId)
			.param("name", unit.name())
			.param("categories", wanted.toArray(String[]::new))
			.param("fields", allowed.toArray(String[]::new))
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new AgreementSet(unitId, String.join(",", wanted), String.join(",", allowed), caller.name()));
		return agreementOf(unitId);
	}

	/**
	 * A partner's read: the full extract without a cursor, the changes after it with one. The extract and the changes
	 * are read in their own transactions (an extract in one snapshot); the audit record is written before anything is
	 * answered.
	 */
	public Answer read(@Nullable String cursor, Caller caller) {
		if (!(caller instanceof PartnerClient partner) || !partner.scopes().contains(SCOPE)) {
			throw new Forbidden("sharing.not-allowed");
		}
		Agreement agreement = agreementOf(partner.unit().id().value());
		Set<String> categories = Set.copyOf(agreement.categories());
		List<RosterChanges.Change> found;
		String next;
		boolean more;
		if (cursor == null || cursor.isBlank()) {
			RosterChanges.Extract extract = changes.extract(categories, partner.unit().divisionCode(), LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
			found = extract.standings();
			next = extract.cursor();
			more = false;
		}
		else {
			RosterChanges.Page page = changes.since(cursor.strip(), categories, partner.unit().divisionCode(), PAGE);
			found = page.changes();
			next = page.cursor();
			more = page.more();
		}
		Set<String> fields = Set.copyOf(agreement.fields());
		Map<UUID, Beneficiaries.Described> described = fields.isEmpty() ? Map.of()
				: beneficiaries.describe(
						found.stream().map(RosterChanges.Change::personId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()),
						found.stream().map(RosterChanges.Change::householdId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()),
						fields.contains("ID_NUMBER"));
		List<Entry> entries = found.stream().map(change -> {
			Beneficiaries.Described who = described.get(change.personId() != null ? change.personId() : change.householdId());
			return new Entry(change.standingId(), change.category(), change.change(), change.validFrom(), change.validTo(),
					change.personId(), change.householdId(), who != null && fields.contains("NAME") ? who.name() : null,
					who != null && fields.contains("ID_NUMBER") ? who.idNumber() : null,
					who != null && fields.contains("RESIDENCE") ? who.residence() : null);
		}).toList();
		FeedRead audited = new FeedRead(partner.clientId(), entries.size(), String.join(",", new HashSet<>(fields)),
				cursor == null || cursor.isBlank() ? "EXTRACT" : "CHANGES");
		transactions.executeWithoutResult(status -> events.publishEvent(audited));
		return new Answer(entries, next, more);
	}

	private Agreement agreementOf(UUID unitId) {
		return jdbc.sql("select unit_name, categories, fields from sharing_agreement where unit_id = :unit")
			.param("unit", unitId)
			.query((row, n) -> new Agreement(unitId, row.getString(1),
					List.of((String[]) row.getArray(2).getArray()), List.of((String[]) row.getArray(3).getArray())))
			.optional()
			.orElseThrow(() -> new Forbidden("sharing.no-agreement"));
	}

	/**
	 * A department's agreement.
	 */
	public record Agreement(UUID unitId, String unitName, List<String> categories, List<String> fields) {
	}

	/**
	 * One standing, or one change to it, as the feed gives it.
	 */
	public record Entry(UUID standingId, String category, String change, LocalDate validFrom, @Nullable LocalDate validTo,
			@Nullable UUID personId, @Nullable UUID householdId, @Nullable String name, @Nullable String idNumber,
			@Nullable String residence) {

		@Override
		public String toString() {
			return "Entry[" + standingId + "]";
		}

	}

	/**
	 * An answer of the feed.
	 *
	 * @param entries the standings or changes
	 * @param cursor where to ask from next
	 * @param more whether more changes are waiting now
	 */
	public record Answer(List<Entry> entries, String cursor, boolean more) {
	}

	record AgreementSet(UUID unitId, String categories, String fields, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "sharing.agreement-set";
		}

		@Override
		public String auditSubjectType() {
			return "sharing-agreement";
		}

		@Override
		public String auditSubjectId() {
			return unitId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("categories", categories, "fields", fields);
		}

	}

	record FeedRead(String clientId, int records, String fields, String kind) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "sharing.roster-feed-read";
		}

		@Override
		public String auditSubjectType() {
			return "partner-client";
		}

		@Override
		public String auditSubjectId() {
			return clientId;
		}

		@Override
		public String auditActor() {
			return clientId;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("records", String.valueOf(records), "fields", fields, "kind", kind);
		}

	}

}
