package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each county's versions of the rules: a version applies from its day on, and a county that never changed a rule uses
 * the platform's default. Changes are made by the county's administrators and approvers and audited.
 */
@Service
public class RuleBook {

	static final Set<String> SETTERS = Set.of("ADMINISTRATOR", "COUNTY_APPROVER");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RuleBook(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return the version of a rule a county judges a day's signals by
	 */
	RuleVersion inForce(String county, RuleCode code, LocalDate day) {
		return jdbc.sql("""
				select * from monitoring_rule where county = :county and code = :code and valid_from <= :day
				 order by valid_from desc, version desc limit 1""")
			.param("county", county)
			.param("code", code.name())
			.param("day", day)
			.query(RuleBook::version)
			.optional()
			.orElseGet(code::defaults);
	}

	/**
	 * @return every rule as it stands in a county on a day
	 */
	@Transactional(readOnly = true)
	public List<RuleVersion> rules(String county, LocalDate day) {
		return versions(county).on(day);
	}

	/**
	 * @return every version the county has set, for judging signals of many days with one read
	 */
	CountyRules versions(String county) {
		return new CountyRules(jdbc.sql("select * from monitoring_rule where county = :county")
			.param("county", county)
			.query(RuleBook::version)
			.list());
	}

	/**
	 * The versions a county has set of its rules.
	 */
	record CountyRules(List<RuleVersion> own) {

		/**
		 * @return each rule as it stands on the day: the county's latest version in force, or the platform's default
		 */
		List<RuleVersion> on(LocalDate day) {
			Map<RuleCode, RuleVersion> latest = new java.util.EnumMap<>(RuleCode.class);
			for (RuleVersion version : own) {
				if (!version.validFrom().isAfter(day)) {
					latest.merge(version.code(), version, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
				}
			}
			return Arrays.stream(RuleCode.values()).map(code -> latest.getOrDefault(code, code.defaults())).toList();
		}

		private static final java.util.Comparator<RuleVersion> LATEST = java.util.Comparator
			.comparing(RuleVersion::validFrom)
			.thenComparingInt(RuleVersion::version);

	}

	/**
	 * @return the rules of the caller's county as they stand today
	 */
	@Transactional(readOnly = true)
	public List<RuleVersion> current(Caller caller) {
		return rules(countyOf(caller), today());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Warnings.COUNTY_ZONE));
	}

	/**
	 * Sets a new version of a county's rule, applying from a day that is not in the past.
	 */
	@Transactional
	public RuleVersion set(RuleCode code, RuleChange change, Caller caller) {
		String county = countyOf(caller);
		LocalDate today = today();
		LocalDate from = change.validFrom() == null ? today : change.validFrom();
		if (from.isBefore(today)) {
			throw new InvalidInput("monitoring.rule-valid-from-past");
		}
		check(code, change);
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from monitoring_rule where county = :county and code = :code")
			.param("county", county)
			.param("code", code.name())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into monitoring_rule (county, code, version, valid_from, active, severity, threshold, multiple,
				       months, categories, set_by, set_at)
				values (:county, :code, :version, :from, :active, :severity, :threshold, :multiple, :months,
				        :categories, :by, :at)""")
			.param("county", county)
			.param("code", code.name())
			.param("version", version)
			.param("from", from)
			.param("active", change.active())
			.param("severity", change.severity().name())
			.param("threshold", change.threshold())
			.param("multiple", change.multiple())
			.param("months", change.months())
			.param("categories", change.categories().toArray(String[]::new))
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new RuleChanged(county, code, version, from, change.active(), caller.name()));
		return inForce(county, code, from);
	}

	/**
	 * Refuses parameters a rule cannot work with: an amount rule without an amount, a window rule without months.
	 */
	static void check(RuleCode code, RuleChange change) {
		if (change.threshold() != null && (change.threshold().signum() < 0
				|| change.threshold().compareTo(new BigDecimal("100000000")) > 0)) {
			throw new InvalidInput("monitoring.rule-threshold-invalid");
		}
		if (change.multiple() != null && (change.multiple().signum() <= 0
				|| change.multiple().compareTo(new BigDecimal("100")) > 0)) {
			throw new InvalidInput("monitoring.rule-multiple-invalid");
		}
		if (change.months() != null && (change.months() < 1 || change.months() > 24)) {
			throw new InvalidInput("monitoring.rule-months-invalid");
		}
		boolean amountRule = code == RuleCode.MEDICAL_SPENDING || code == RuleCode.DISASTER_DAMAGE;
		if (amountRule && change.threshold() == null && change.multiple() == null) {
			throw new InvalidInput("monitoring.rule-threshold-invalid");
		}
		boolean windowRule = code == RuleCode.REPEATED_HARDSHIP || code == RuleCode.STANDING_LOST_IN_HOSPITAL;
		if (windowRule && change.months() == null) {
			throw new InvalidInput("monitoring.rule-months-invalid");
		}
		if (change.categories().stream().anyMatch(category -> !category.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("monitoring.rule-categories-invalid");
		}
	}

	/**
	 * @return the county whose rules the caller may set
	 */
	static String countyOf(Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() != 6
				|| caller.roles().stream().noneMatch(SETTERS::contains)) {
			throw new Forbidden("monitoring.rules-not-allowed");
		}
		return caller.regionScope().value();
	}

	/**
	 * @return the county (its six-digit code) of a region path, the last six-digit division on it
	 */
	static String countyOf(String path) {
		String county = null;
		for (String part : path.split("/")) {
			if (part.length() == 6) {
				county = part;
			}
		}
		if (county == null) {
			throw new RuleViolation("monitoring.residence-unknown");
		}
		return county;
	}

	private static RuleVersion version(ResultSet row, int n) throws SQLException {
		Integer months = (Integer) row.getObject("months");
		return new RuleVersion(RuleCode.valueOf(row.getString("code")), row.getInt("version"),
				row.getObject("valid_from", LocalDate.class), row.getBoolean("active"),
				Severity.valueOf(row.getString("severity")), row.getBigDecimal("threshold"), row.getBigDecimal("multiple"),
				months, Set.of((String[]) row.getArray("categories").getArray()));
	}

	/**
	 * A county's change to a rule.
	 *
	 * @param active whether it raises warnings
	 * @param severity the warnings' severity
	 * @param threshold the amount, in yuan
	 * @param multiple the multiple of the household's annual income
	 * @param months the window in months
	 * @param categories the categories it applies to; empty for everyone
	 * @param validFrom the day it applies from; today when not given
	 */
	public record RuleChange(boolean active, Severity severity, @Nullable BigDecimal threshold,
			@Nullable BigDecimal multiple, @Nullable Integer months, Set<String> categories,
			@Nullable LocalDate validFrom) {
	}

	record RuleChanged(String county, RuleCode code, int version, LocalDate validFrom, boolean active, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "monitoring.rule-changed";
		}

		@Override
		public String auditSubjectType() {
			return "monitoring-rule";
		}

		@Override
		public String auditSubjectId() {
			return county + "/" + code.name();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("version", Integer.toString(version), "validFrom", validFrom.toString(), "active",
					Boolean.toString(active));
		}

	}

}
