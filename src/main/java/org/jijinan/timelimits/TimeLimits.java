package org.jijinan.timelimits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time limits in force and their changes. A township's own limit wins over its county's default, which wins
 * over the platform's configured one; among a place's settings, the latest that applies on the day counts. A change
 * applies from a day not yet past, is audited, and never moves a deadline already set.
 */
@Service
public class TimeLimits {

	private final JdbcClient jdbc;

	private final WorkingDayCalendar calendar;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<TimeLimit, Limit> defaults = new EnumMap<>(TimeLimit.class);

	TimeLimits(JdbcClient jdbc, WorkingDayCalendar calendar, RegionDirectory regions,
			ApplicationEventPublisher events, Clock clock, List<TimeLimitDefault> declared) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
		declared.forEach(given -> defaults.put(given.limit(), given.length()));
		for (TimeLimit limit : TimeLimit.values()) {
			if (!defaults.containsKey(limit)) {
				throw new IllegalStateException("No platform default for the time limit " + limit);
			}
		}
	}

	/**
	 * @param place the township, or a village of it, where the step is owed
	 * @return when a step started now is due, by the limit in force for the township today
	 */
	@Transactional(readOnly = true)
	public Instant due(TimeLimit limit, DivisionCode place, Instant start) {
		Limit length = inForce(limit, place, LocalDate.ofInstant(start, WorkingDayCalendar.COUNTY));
		return length.unit() == LimitUnit.HOURS ? calendar.plusHours(start, length.amount())
				: calendar.plusWorkingDays(start, length.amount());
	}

	/**
	 * @param place a county, township or village
	 * @return the limit in force there on the day
	 */
	@Transactional(readOnly = true)
	public Limit inForce(TimeLimit limit, DivisionCode place, LocalDate day) {
		String code = place.value();
		return jdbc.sql("""
				select amount, unit from timelimits_limit
				 where county = :county and kind = :kind and applies_from <= :day
				   and (township is null or township = :township)
				 order by township is null, applies_from desc limit 1""")
			.param("county", code.substring(0, Math.min(6, code.length())))
			.param("kind", limit.name())
			.param("day", day)
			.param("township", code.length() >= 9 ? code.substring(0, 9) : "")
			.query((row, n) -> new Limit(row.getInt(1), LimitUnit.valueOf(row.getString(2))))
			.optional()
			.orElse(defaults.get(limit));
	}

	/**
	 * @return the caller's county's limits: its defaults with their bounds, each township's own, and the changes
	 * planned from a later day
	 */
	@Transactional(readOnly = true)
	public Overview overview(Caller caller) {
		DivisionCode county = countyOf(caller);
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
		List<LimitSetting> settings = settings(county);
		List<CountyLimit> defaultsHere = new ArrayList<>();
		for (TimeLimit limit : TimeLimit.values()) {
			defaultsHere.add(countyLimit(limit, settings, today));
		}
		List<TownshipLimits> townships = new ArrayList<>();
		for (DivisionView township : regions.townships(county, today)) {
			Map<TimeLimit, LimitSetting> own = new EnumMap<>(TimeLimit.class);
			for (LimitSetting setting : settings) {
				if (township.code().value().equals(setting.township()) && !setting.appliesFrom().isAfter(today)) {
					own.merge(setting.limit(), setting,
							(kept, other) -> other.appliesFrom().isAfter(kept.appliesFrom()) ? other : kept);
				}
			}
			townships.add(new TownshipLimits(township.code().value(), township.name(), own));
		}
		List<LimitSetting> planned = settings.stream().filter(setting -> setting.appliesFrom().isAfter(today)).toList();
		return new Overview(regions.require(county).name(), defaultsHere, townships, planned,
				mayChange(caller, null), townshipsTheCallerSets(caller, townships));
	}

	/**
	 * Sets a county's default, with the bounds for its townships, or a township's own limit, from a day on.
	 */
	@Transactional
	public LimitSetting set(NewLimit given, Caller caller) {
		DivisionCode county = countyOf(caller);
		String township = townshipOf(given, caller, county);
		if (!mayChange(caller, township)) {
			throw new Forbidden("timelimits.not-allowed");
		}
		if (given.limit() == null) {
			throw new InvalidInput("timelimits.limit-required");
		}
		TimeLimit limit = given.limit();
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
		LocalDate from = given.appliesFrom();
		if (from == null || from.getYear() > 2100) {
			throw new InvalidInput("timelimits.date-invalid");
		}
		if (from.isBefore(today)) {
			throw new RuleViolation("timelimits.applies-from-past", today);
		}
		List<LimitSetting> settings = settings(county);
		CountyLimit countyLimit = countyLimit(limit, settings, from);
		LimitUnit unit = given.unit() != null ? given.unit() : township == null ? defaults.get(limit).unit()
				: countyLimit.length().unit();
		if (!limit.countsIn(unit)) {
			throw new RuleViolation("timelimits.unit-not-allowed");
		}
		if (given.amount() == null || given.amount() < 1 || given.amount() > unit.most()) {
			throw new RuleViolation("timelimits.amount-invalid");
		}
		int amount = given.amount();
		Integer lowest = null;
		Integer highest = null;
		if (township == null) {
			lowest = given.lowest() == null ? 1 : given.lowest();
			highest = given.highest() == null ? unit.most() : given.highest();
			if (lowest < 1 || lowest > amount || amount > highest || highest > unit.most()) {
				throw new RuleViolation("timelimits.bounds-invalid", unit.most());
			}
			requireTownshipsWithin(limit, unit, lowest, highest, from, settings);
		}
		else {
			if (unit != countyLimit.length().unit()) {
				throw new RuleViolation("timelimits.unit-fixed-by-county");
			}
			if (amount < countyLimit.lowest() || amount > countyLimit.highest()) {
				throw new RuleViolation("timelimits.outside-bounds", countyLimit.lowest(), countyLimit.highest());
			}
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into timelimits_limit (id, county, township, kind, amount, unit, lowest, highest, applies_from,
				       set_by, set_at)
				values (:id, :county, :township, :kind, :amount, :unit, :lowest, :highest, :from, :by, :at)
				on conflict (county, coalesce(township, ''), kind, applies_from) do update
				   set amount = excluded.amount, unit = excluded.unit, lowest = excluded.lowest,
				       highest = excluded.highest, set_by = excluded.set_by, set_at = excluded.set_at""")
			.param("id", UUID.randomUUID())
			.param("county", county.value())
			.param("township", township)
			.param("kind", limit.name())
			.param("amount", amount)
			.param("unit", unit.name())
			.param("lowest", lowest)
			.param("highest", highest)
			.param("from", from)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		LimitSetting setting = new LimitSetting(limit, township, township == null ? null : name(township),
				new Limit(amount, unit), lowest, highest, from, caller.name(), now);
		events.publishEvent(new TimeLimitSet(county.value(), township, limit, amount, unit, lowest, highest, from,
				caller.name()));
		return setting;
	}

	/**
	 * A county may narrow its bounds or change the unit only when no township's limit, in force then or planned
	 * later, would fall outside.
	 */
	private void requireTownshipsWithin(TimeLimit limit, LimitUnit unit, int lowest, int highest, LocalDate from,
			List<LimitSetting> settings) {
		Map<String, LimitSetting> standing = new LinkedHashMap<>();
		List<String> outside = new ArrayList<>();
		for (LimitSetting setting : settings) {
			if (setting.township() == null || setting.limit() != limit) {
				continue;
			}
			if (setting.appliesFrom().isAfter(from)) {
				check(setting, unit, lowest, highest, outside);
			}
			else {
				standing.merge(setting.township(), setting,
						(kept, other) -> other.appliesFrom().isAfter(kept.appliesFrom()) ? other : kept);
			}
		}
		standing.values().forEach(setting -> check(setting, unit, lowest, highest, outside));
		if (!outside.isEmpty()) {
			throw new Conflict("timelimits.townships-outside-bounds", String.join("、", outside));
		}
	}

	private static void check(LimitSetting setting, LimitUnit unit, int lowest, int highest, List<String> outside) {
		Limit length = setting.length();
		if ((length.unit() != unit || length.amount() < lowest || length.amount() > highest)
				&& !outside.contains(setting.townshipName())) {
			outside.add(setting.townshipName());
		}
	}

	private CountyLimit countyLimit(TimeLimit limit, List<LimitSetting> settings, LocalDate day) {
		LimitSetting found = null;
		for (LimitSetting setting : settings) {
			if (setting.township() == null && setting.limit() == limit && !setting.appliesFrom().isAfter(day)
					&& (found == null || setting.appliesFrom().isAfter(found.appliesFrom()))) {
				found = setting;
			}
		}
		if (found == null) {
			Limit platform = defaults.get(limit);
			return new CountyLimit(limit, platform, 1, platform.unit().most(), null);
		}
		return new CountyLimit(limit, found.length(), found.lowest(), found.highest(), found.appliesFrom());
	}

	private List<LimitSetting> settings(DivisionCode county) {
		return jdbc.sql("""
				select kind, township, amount, unit, lowest, highest, applies_from, set_by, set_at
				  from timelimits_limit where county = :county order by applies_from, kind""")
			.param("county", county.value())
			.query((row, n) -> {
				String township = row.getString("township");
				return new LimitSetting(TimeLimit.valueOf(row.getString("kind")), township,
						township == null ? null : name(township),
						new Limit(row.getInt("amount"), LimitUnit.valueOf(row.getString("unit"))),
						(Integer) row.getObject("lowest"), (Integer) row.getObject("highest"),
						row.getObject("applies_from", LocalDate.class), row.getString("set_by"),
						row.getTimestamp("set_at").toInstant());
			})
			.list();
	}

	private String name(String township) {
		return regions.find(new DivisionCode(township)).map(DivisionView::name).orElse(township);
	}

	/**
	 * The township a change is for: a township's people set their own; county people name one, or none for the
	 * county's default.
	 */
	private @Nullable String townshipOf(NewLimit given, Caller caller, DivisionCode county) {
		DivisionCode scope = caller.regionScope();
		if (scope != null && scope.value().length() == 9) {
			if (given.township() != null && !given.township().isBlank() && !given.township().equals(scope.value())) {
				throw new Forbidden("timelimits.not-allowed");
			}
			return scope.value();
		}
		if (given.township() == null || given.township().isBlank()) {
			return null;
		}
		return regions.townshipOf(given.township(), county)
			.map(found -> found.code().value())
			.orElseThrow(() -> new RuleViolation("timelimits.township-unknown"));
	}

	/**
	 * County administrators and approvers change the county's defaults and any of its townships' limits; a
	 * township's approvers and administrators their township's own.
	 */
	private static boolean mayChange(Caller caller, @Nullable String township) {
		DivisionCode scope = caller.regionScope();
		if (scope == null) {
			return false;
		}
		boolean setter = caller.hasRole("ADMINISTRATOR") || caller.hasRole("COUNTY_APPROVER")
				|| caller.hasRole("TOWNSHIP_APPROVER");
		if (scope.value().length() == 6) {
			return setter && (caller.hasRole("ADMINISTRATOR") || caller.hasRole("COUNTY_APPROVER"));
		}
		return setter && scope.value().length() == 9 && scope.value().equals(township);
	}

	private static List<TownshipLimits> townshipsTheCallerSets(Caller caller, List<TownshipLimits> townships) {
		return townships.stream().filter(township -> mayChange(caller, township.code())).toList();
	}

	private static DivisionCode countyOf(Caller caller) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || scope.value().length() < 6) {
			throw new Forbidden("timelimits.not-allowed");
		}
		return new DivisionCode(scope.value().substring(0, 6));
	}

	/**
	 * A change to a time limit.
	 *
	 * @param township the township's division code; none for the county's default (a township's people always set
	 * their own)
	 * @param limit which limit
	 * @param amount how long
	 * @param unit in what; a township's limit counts in its county's unit
	 * @param lowest for a county's default, the shortest limit its townships may set (default 1)
	 * @param highest for a county's default, the longest (default the platform's most)
	 * @param appliesFrom the first day it applies, today or later
	 */
	public record NewLimit(@Nullable String township, @Nullable TimeLimit limit, @Nullable Integer amount,
			@Nullable LimitUnit unit, @Nullable Integer lowest, @Nullable Integer highest,
			@Nullable LocalDate appliesFrom) {
	}

	/**
	 * One setting of a time limit.
	 *
	 * @param limit which
	 * @param township the township's code, none for the county's default
	 * @param townshipName its name
	 * @param length how long
	 * @param lowest the county's lower bound for its townships (county settings only)
	 * @param highest the county's upper bound (county settings only)
	 * @param appliesFrom from which day
	 * @param setBy who set it
	 * @param setAt when
	 */
	public record LimitSetting(TimeLimit limit, @Nullable String township, @Nullable String townshipName,
			Limit length, @Nullable Integer lowest, @Nullable Integer highest, LocalDate appliesFrom, String setBy,
			Instant setAt) {
	}

	/**
	 * A county's default in force today.
	 *
	 * @param limit which
	 * @param length how long
	 * @param lowest the shortest its townships may set
	 * @param highest the longest
	 * @param since from when; none when the platform's configured limit applies
	 */
	public record CountyLimit(TimeLimit limit, Limit length, int lowest, int highest, @Nullable LocalDate since) {
	}

	/**
	 * A township's own limits in force today; the county's default applies to the others.
	 *
	 * @param code the township's division code
	 * @param name its name
	 * @param own its own limits
	 */
	public record TownshipLimits(String code, String name, Map<TimeLimit, LimitSetting> own) {
	}

	/**
	 * A county's time limits.
	 *
	 * @param county the county's name
	 * @param defaults its defaults in force today
	 * @param townships its townships and their own limits
	 * @param planned changes from a later day
	 * @param setsCountyDefaults whether the viewer may change the county's defaults
	 * @param townshipsTheViewerSets the townships whose limits the viewer may set
	 */
	public record Overview(String county, List<CountyLimit> defaults, List<TownshipLimits> townships,
			List<LimitSetting> planned, boolean setsCountyDefaults, List<TownshipLimits> townshipsTheViewerSets) {
	}

	/**
	 * Someone changed a time limit.
	 */
	record TimeLimitSet(String county, @Nullable String township, TimeLimit limit, int amount, LimitUnit unit,
			@Nullable Integer lowest, @Nullable Integer highest, LocalDate appliesFrom, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "timelimits.limit-set";
		}

		@Override
		public String auditSubjectType() {
			return "time-limit";
		}

		@Override
		public String auditSubjectId() {
			return (township == null ? county : township) + "/" + limit.name();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("amount", String.valueOf(amount));
			details.put("unit", unit.name());
			details.put("appliesFrom", appliesFrom.toString());
			if (lowest != null) {
				details.put("lowest", String.valueOf(lowest));
				details.put("highest", String.valueOf(highest));
			}
			return details;
		}

	}

}
