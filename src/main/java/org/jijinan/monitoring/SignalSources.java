package org.jijinan.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitId;
import org.jijinan.identity.UnitKind;
import org.jijinan.identity.UnitView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreements (信号共享协议) under which a department may send signals, each naming the kinds it may send. Set by
 * the county's administrators; a department without one sends nothing.
 */
@Service
public class SignalSources {

	/** The kinds of unit that hold data worth a signal: the departments and the hospitals. */
	static final Set<UnitKind> SENDERS = java.util.stream.Stream
		.concat(UnitKind.departments().stream(), java.util.stream.Stream.of(UnitKind.HOSPITAL))
		.collect(Collectors.toUnmodifiableSet());

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegionDirectory regions;

	SignalSources(JdbcClient jdbc, StaffDirectory directory, ApplicationEventPublisher events, Clock clock,
			RegionDirectory regions) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A county administrator records a department's agreement; an empty set of kinds ends it.
	 */
	@Transactional
	public Source agree(UUID unitId, Set<SignalKind> kinds, String agreement, Caller caller) {
		requireCountyAdministrator(caller);
		UnitView unit = directory.unit(new UnitId(unitId))
			.orElseThrow(() -> new InvalidInput("monitoring.source-unit-unknown"));
		String reference = agreement == null ? "" : agreement.strip();
		if (reference.length() < 2 || reference.length() > 100) {
			throw new InvalidInput("monitoring.source-agreement-required");
		}
		jdbc.sql("""
				insert into monitoring_source (unit_id, unit_name, kinds, agreement, updated_by, updated_at)
				values (:unit, :name, :kinds, :agreement, :by, :at)
				on conflict (unit_id) do update set kinds = excluded.kinds, agreement = excluded.agreement,
				       unit_name = excluded.unit_name, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.param("unit", unitId)
			.param("name", unit.name())
			.param("kinds", kinds.stream().map(SignalKind::name).sorted().toArray(String[]::new))
			.param("agreement", reference)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new SourceAgreed(unitId,
				kinds.stream().map(SignalKind::name).sorted().collect(Collectors.joining(",")), caller.name()));
		return new Source(unitId, unit.name(), kinds, reference);
	}

	/**
	 * @return the county's departments and hospitals that may send signals, each with its agreement if it has one,
	 *     for the county's administrators
	 */
	@Transactional(readOnly = true)
	public List<Source> candidates(Caller caller) {
		requireCountyAdministrator(caller);
		Map<UUID, Source> agreed = sources().stream().collect(Collectors.toMap(Source::unitId, source -> source));
		return directory.referralTargets(regions.path(caller.regionScope()))
			.stream()
			.filter(unit -> SENDERS.contains(unit.kind()))
			.map(unit -> agreed.getOrDefault(unit.id().value(),
					new Source(unit.id().value(), unit.name(), Set.of(), "")))
			.toList();
	}

	private static void requireCountyAdministrator(Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null
				|| caller.regionScope().value().length() != 6) {
			throw new Forbidden("monitoring.sources-not-allowed");
		}
	}

	/**
	 * @return the agreements, by department name
	 */
	@Transactional(readOnly = true)
	public List<Source> sources() {
		return jdbc.sql("select unit_id, unit_name, kinds, agreement from monitoring_source order by unit_name")
			.query((row, n) -> new Source(row.getObject(1, UUID.class), row.getString(2),
					kinds((String[]) row.getArray(3).getArray()), row.getString(4)))
			.list();
	}

	/**
	 * Refuses a signal its source may not send: 403 without an agreement or outside the kinds it names.
	 */
	void requireAgreed(UUID unitId, SignalKind kind) {
		if (!agreed(unitId).contains(kind)) {
			throw new Forbidden("monitoring.kind-not-agreed", kind.name());
		}
	}

	/**
	 * @return the kinds a department's agreement names; 403 without an agreement
	 */
	Set<SignalKind> agreed(UUID unitId) {
		return jdbc.sql("select kinds from monitoring_source where unit_id = :unit")
			.param("unit", unitId)
			.query((row, n) -> kinds((String[]) row.getArray(1).getArray()))
			.optional()
			.orElseThrow(() -> new Forbidden("monitoring.no-agreement"));
	}

	private static Set<SignalKind> kinds(String[] names) {
		Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
		Arrays.stream(names).map(SignalKind::valueOf).forEach(kinds::add);
		return kinds;
	}

	/**
	 * A department's agreement.
	 *
	 * @param unitId the department
	 * @param unitName its name
	 * @param kinds the kinds of signal it may send
	 * @param agreement the agreement's reference (its document number)
	 */
	public record Source(UUID unitId, String unitName, Set<SignalKind> kinds, String agreement) {
	}

	record SourceAgreed(UUID unitId, String kinds, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "monitoring.source-agreed";
		}

		@Override
		public String auditSubjectType() {
			return "signal-source";
		}

		@Override
		public String auditSubjectId() {
			return unitId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("kinds", kinds);
		}

	}

}
