package org.jijinan.relief;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relief parameters of every region and period. County administrators enter them (one set at a time or a file
 * of several, all or nothing) and end a set's period when new rules start; a region's periods never overlap.
 * Decisions and settlements take the set of the most specific region in force on their day.
 */
@Service
public class ReliefPolicies {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Each set's rules as parsed and stamped with its version, by the set's identifier: a set's rules never change
	 * once entered (ending it changes only its last day, which is read from its row each time), and every settlement
	 * and decision reads the set in force.
	 */
	private final Map<UUID, PolicyRules> parsedRules = new java.util.concurrent.ConcurrentHashMap<>();

	ReliefPolicies(JdbcClient jdbc, JsonMapper json, RegionDirectory regions, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the sets of the regions the caller may see and of the regions above them, newest first
	 */
	@Transactional(readOnly = true)
	public List<PolicyView> list(Caller caller) {
		if (caller.regionScope() == null) {
			return List.of();
		}
		String scope = regions.path(caller.regionScope());
		return jdbc.sql("""
				select * from relief_policy
				 where region_path like :scope || '%' or :scope like region_path || '%'
				 order by region_path, valid_from desc""")
			.param("scope", scope)
			.query((row, n) -> view(row.getObject("id", UUID.class), row.getString("region_code"),
					row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
					row.getBoolean("example"), row.getString("rules"), row.getString("note"),
					row.getString("created_by"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * @return the set with that identifier
	 */
	@Transactional(readOnly = true)
	public PolicyView find(UUID id) {
		return jdbc.sql("select * from relief_policy where id = :id")
			.param("id", id)
			.query((row, n) -> view(id, row.getString("region_code"), row.getObject("valid_from", LocalDate.class),
					row.getObject("valid_to", LocalDate.class), row.getBoolean("example"), row.getString("rules"),
					row.getString("note"), row.getString("created_by"), row.getTimestamp("created_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NotFound("relief.policy-not-found"));
	}

	/**
	 * @return the set in force in that place on that day: the township's own, or else the county's (or higher)
	 */
	@Transactional(readOnly = true)
	public PolicyView inForce(DivisionCode place, LocalDate day) {
		// One query for the whole lineage, the place's own region first (every settlement and decision asks).
		List<String> lineage = new ArrayList<>(regions.lineage(place).stream().map(d -> d.code().value()).toList());
		java.util.Collections.reverse(lineage);
		return jdbc.sql("""
				select * from relief_policy
				 where region_code in (:regions) and valid_from <= :day and (valid_to is null or valid_to >= :day)
				 order by array_position(string_to_array(:ordered, ','), region_code::text) limit 1""")
			.param("regions", lineage)
			.param("ordered", String.join(",", lineage))
			.param("day", day)
			.query((row, n) -> view(row.getObject("id", UUID.class), row.getString("region_code"),
					row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
					row.getBoolean("example"), row.getString("rules"), row.getString("note"),
					row.getString("created_by"), row.getTimestamp("created_at").toInstant()))
			.optional()
			.orElseThrow(() -> new RuleViolation("relief.no-policy", place.value(), day.toString()));
	}

	/**
	 * Enters a set of parameters for a region and period.
	 */
	@Transactional
	public PolicyView define(NewPolicy policy, Caller caller) {
		DivisionCode region = administeredRegion(policy.region(), caller);
		if (policy.validFrom() == null) {
			throw new InvalidInput("relief.policy-period-invalid");
		}
		if (policy.validTo() != null && policy.validTo().isBefore(policy.validFrom())) {
			throw new RuleViolation("relief.policy-period-invalid");
		}
		PolicyRules rules = policy.rules();
		if (rules == null) {
			throw new InvalidInput("relief.policy-malformed");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into relief_policy (id, region_code, region_path, valid_from, valid_to, example, rules,
					                           note, created_by, created_at)
					values (:id, :region, :path, :from, :to, :example, cast(:rules as jsonb), :note, :by, :at)""")
				.param("id", id)
				.param("region", region.value())
				.param("path", regions.path(region))
				.param("from", policy.validFrom())
				.param("to", policy.validTo())
				.param("example", policy.example())
				.param("rules", json.writeValueAsString(rules))
				.param("note", WrittenText.optional(policy.note(), 500).isEmpty() ? null : policy.note().strip())
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DataIntegrityViolationException overlap) {
			throw new RuleViolation("relief.policy-overlap", region.value());
		}
		events.publishEvent(new PolicyDefined(id, region.value(), policy.validFrom().toString(), caller.name()));
		return find(id);
	}

	/**
	 * Enters several sets at once (a file an administrator prepared): all of them or none.
	 * @return the sets entered
	 */
	@Transactional
	public List<PolicyView> importAll(byte[] file, Caller caller) {
		List<NewPolicy> policies;
		try {
			policies = List.of(json.readValue(file, NewPolicy[].class));
		}
		catch (JacksonException malformed) {
			throw unwrap(malformed);
		}
		if (policies.isEmpty() || policies.size() > 200) {
			throw new InvalidInput("relief.policy-file-empty");
		}
		return policies.stream().map(policy -> define(policy, caller)).toList();
	}

	/**
	 * Ends a set's period on the given day, so that new parameters can start the day after.
	 */
	@Transactional
	public PolicyView end(UUID id, LocalDate lastDay, Caller caller) {
		PolicyView policy = find(id);
		administeredRegion(policy.region(), caller);
		if (lastDay.isBefore(policy.validFrom())
				|| policy.validTo() != null && lastDay.isAfter(policy.validTo())) {
			throw new RuleViolation("relief.policy-period-invalid");
		}
		jdbc.sql("update relief_policy set valid_to = :to where id = :id").param("to", lastDay).param("id", id).update();
		events.publishEvent(new PolicyEnded(id, policy.region().value(), lastDay.toString(), caller.name()));
		return find(id);
	}

	private DivisionCode administeredRegion(@Nullable DivisionCode region, Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null) {
			throw new Forbidden("relief.not-allowed");
		}
		if (region == null) {
			throw new InvalidInput("relief.policy-region-required");
		}
		if (regions.find(region).isEmpty()) {
			throw new InvalidInput("region.unknown-code", region.value());
		}
		if (!regions.isWithin(region, caller.regionScope())) {
			throw new Forbidden("relief.out-of-scope");
		}
		return region;
	}

	private PolicyView view(UUID id, String region, LocalDate from, @Nullable LocalDate to, boolean example,
			String rules, @Nullable String note, String by, Instant at) {
		PolicyRules stamped = parsedRules.computeIfAbsent(id, key -> {
			PolicyRules stored = json.readValue(rules, PolicyRules.class);
			var version = new PolicyView(id, new DivisionCode(region), from, to, example, stored, note, by, at).version();
			MedicalRules medical = stored.medical();
			return new PolicyRules(stored.urbanStandard(), stored.ruralStandard(), stored.hardship(),
					stored.townshipApprovalLimit(), stored.emergencyLimit(), stored.paperworkWorkingDays(),
					stored.exclusiveSchemes(), new MedicalRules(version, from.getYear(), medical.basic(),
							medical.basicYearlyCap(), medical.critical(), medical.assistance()));
		});
		return new PolicyView(id, new DivisionCode(region), from, to, example, stamped, note, by, at);
	}

	/** A problem the set itself raised (a rule it breaks) or a plain 400 for a document that is not one. */
	static RuntimeException unwrap(JacksonException malformed) {
		for (Throwable cause = malformed; cause != null; cause = cause.getCause()) {
			if (cause instanceof RuleViolation violation) {
				return violation;
			}
			if (cause instanceof NullPointerException) {
				return new RuleViolation("relief.policy-invalid", malformed.getPathReference());
			}
		}
		return new InvalidInput("relief.policy-malformed");
	}

	/**
	 * A set of parameters to enter.
	 *
	 * @param region the county or township
	 * @param validFrom the first day in force
	 * @param validTo the last day, or {@code null} for open-ended
	 * @param example whether these are example values
	 * @param note the document that set them
	 * @param rules the parameters
	 */
	public record NewPolicy(@Nullable DivisionCode region, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
			boolean example, @Nullable String note, @Nullable PolicyRules rules) {
	}

	record PolicyDefined(UUID id, String region, String validFrom, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.policy-defined";
		}

		@Override
		public String auditSubjectType() {
			return "relief-policy";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("region", region, "validFrom", validFrom);
		}

	}

	record PolicyEnded(UUID id, String region, String lastDay, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.policy-ended";
		}

		@Override
		public String auditSubjectType() {
			return "relief-policy";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("region", region, "lastDay", lastDay);
		}

	}

}
