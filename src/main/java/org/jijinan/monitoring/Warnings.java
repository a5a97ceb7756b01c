package org.jijinan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Staff;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.Channel;
import org.jijinan.intake.HelpRequestView;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.NewHelpRequest;
import org.jijinan.intake.ReporterRelation;
import org.jijinan.intake.Urgency;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warnings (预警): raised once per household, rule and year, owed a check by the village's reporter (or the township's
 * staff where the village has none) within the severity's working days. A check records how, when and what was found,
 * and one outcome; a household in need gets a help request on the channel 主动发现（数据预警）.
 */
@Service
public class Warnings {

	static final ZoneId COUNTY_ZONE = WorkingDayCalendar.COUNTY;

	/** Those who check a warning besides its owner: the township's staff. */
	static final Set<String> CHECKERS = IntakeDesk.TOWNSHIP_ROLES;

	/** Those who may read warnings of their area. */
	static final Set<String> READERS = Set.of("VILLAGE_REPORTER", "WINDOW_CLERK", "TOWNSHIP_REVIEWER",
			"TOWNSHIP_APPROVER", "COUNTY_REVIEWER", "COUNTY_APPROVER", "SUPERVISOR", "LEADER");

	/** How long before a warning's first signal a request for the person counts as having asked first. */
	static final Period ASKED_BEFORE = Period.ofDays(90);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(COUNTY_ZONE);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final StaffDirectory directory;

	private final RegionDirectory regions;

	private final WorkingDayCalendar calendar;

	private final MonitoringSettings settings;

	private final IntakeDesk intake;

	private final PersonRegistry persons;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Warnings(JdbcClient jdbc, JdbcTemplate jdbcTemplate, StaffDirectory directory, RegionDirectory regions,
			WorkingDayCalendar calendar, MonitoringSettings settings, IntakeDesk intake, PersonRegistry persons,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.directory = directory;
		this.regions = regions;
		this.calendar = calendar;
		this.settings = settings;
		this.intake = intake;
		this.persons = persons;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A rule hit a signal, for this reason.
	 */
	record Hit(RuleVersion rule, Signal signal, String reason) {

		Key key() {
			return new Key(rule.code(), RuleCode.period(signal), signal.householdKey());
		}

	}

	/** The one warning a household may have per rule and period. */
	private record Key(RuleCode rule, String period, UUID household) {
	}

	/**
	 * Rule hits, in the order their signals arrived: each signal joins the household's warning for the rule and year
	 * when it exists (and an unsettled warning takes the newest reason); otherwise the warning is raised, numbered and
	 * given its owner. The warnings concerned are read (and locked) together, owners chosen with one look at each
	 * area's staff, new warnings written and the signals linked in batches, and the warnings raised reported in one
	 * event.
	 */
	void raise(List<Hit> hits) {
		if (hits.isEmpty()) {
			return;
		}
		Map<Key, List<Hit>> byWarning = new LinkedHashMap<>();
		hits.forEach(hit -> byWarning.computeIfAbsent(hit.key(), key -> new ArrayList<>()).add(hit));
		Map<Key, Existing> existing = existing(byWarning.keySet());
		Owners owners = new Owners();
		List<WarningRaised> raised = new ArrayList<>();
		Map<Key, UUID> warnings = new HashMap<>();
		Map<Key, List<Hit>> fresh = new LinkedHashMap<>();
		byWarning.forEach((key, joining) -> {
			Existing found = existing.get(key);
			if (found == null) {
				fresh.put(key, joining);
			}
			else {
				warnings.put(key, joined(found, joining, owners, raised));
			}
		});
		warnings.putAll(opened(fresh, owners, raised));
		List<Object[]> links = new ArrayList<>();
		byWarning.forEach((key, joining) -> joining
			.forEach(hit -> links.add(new Object[] { warnings.get(key), hit.signal().id() })));
		jdbcTemplate.batchUpdate(
				"insert into monitoring_warning_signal (warning_id, signal_id) values (?, ?) on conflict do nothing",
				links);
		if (!raised.isEmpty()) {
			events.publishEvent(new WarningsRaised(List.copyOf(raised)));
		}
	}

	private record Existing(UUID id, WarningStatus status, @Nullable String reason) {
	}

	/**
	 * @return the households' warnings for these rules and periods, locked until the transaction ends
	 */
	private Map<Key, Existing> existing(Set<Key> keys) {
		Map<Key, Existing> found = new HashMap<>();
		List<UUID> households = keys.stream().map(Key::household).distinct().toList();
		List<String> rules = keys.stream().map(key -> key.rule().name()).distinct().toList();
		for (int from = 0; from < households.size(); from += 1000) {
			jdbc.sql("""
					select rule_code, period, household_key, id, status, reason from monitoring_warning
					 where household_key in (:households) and rule_code in (:rules) order by id for update""")
				.param("households", households.subList(from, Math.min(households.size(), from + 1000)))
				.param("rules", rules)
				.query((row, n) -> {
					Key key = new Key(RuleCode.valueOf(row.getString(1)), row.getString(2),
							row.getObject(3, UUID.class));
					if (keys.contains(key)) {
						found.put(key, new Existing(row.getObject(4, UUID.class),
								WarningStatus.valueOf(row.getString(5)), row.getString(6)));
					}
					return key;
				})
				.list();
		}
		return found;
	}

	/**
	 * Raises new warnings, each numbered, owned and due by its severity's working days; a warning another transaction
	 * raised first meanwhile is joined instead.
	 *
	 * @param fresh the hits of each warning to raise, in order
	 * @return the warnings, by household, rule and period
	 */
	private Map<Key, UUID> opened(Map<Key, List<Hit>> fresh, Owners owners, List<WarningRaised> raised) {
		if (fresh.isEmpty()) {
			return Map.of();
		}
		Instant now = clock.instant();
		List<Long> sequence = jdbc.sql("select nextval('monitoring_warning_number_seq') from generate_series(1, :count)")
			.param("count", fresh.size())
			.query(Long.class)
			.list();
		Map<Severity, Instant> dues = new java.util.EnumMap<>(Severity.class);
		List<Key> keys = new ArrayList<>(fresh.keySet());
		List<WarningRaised> candidates = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			List<Hit> joining = fresh.get(keys.get(i));
			RuleVersion rule = joining.get(0).rule();
			Signal signal = joining.get(0).signal();
			DivisionCode village = village(signal.residencePath());
			DivisionCode township = new DivisionCode(village.value().substring(0, 9));
			String owner = owners.pick(village).orElse(null);
			Instant due = dues.computeIfAbsent(rule.severity(),
					severity -> calendar.plusWorkingDays(now, severity.checkWorkingDays(settings)));
			String number = "YJ" + DAY.format(now) + "-" + String.format("%04d", sequence.get(i));
			UUID id = UUID.randomUUID();
			ids.add(id);
			candidates.add(new WarningRaised(number, township, owner, rule.severity(), rule.code(), now, due));
			rows.add(new Object[] { id, number, rule.code().name(), rule.version(), keys.get(i).period(),
					signal.householdKey(), signal.personId(), signal.residencePath(), owners.path(township),
					rule.severity().name(), joining.get(joining.size() - 1).reason(), owner, signal.occurredOn(),
					Timestamp.from(now), Timestamp.from(due) });
		}
		int[] inserted = jdbcTemplate.batchUpdate("""
				insert into monitoring_warning (id, number, rule_code, rule_version, period, household_key, person_id,
				       residence_path, township_path, severity, reason, status, owner, first_signal_on, raised_at, due_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
				on conflict (rule_code, period, household_key) do nothing""", rows);
		Map<Key, UUID> warnings = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			if (inserted[i] == 1) {
				warnings.put(key, ids.get(i));
				raised.add(candidates.get(i));
			}
			else {
				owners.release(candidates.get(i).owner());
				warnings.put(key, joined(existing(Set.of(key)).get(key), fresh.get(key), owners, raised));
			}
		}
		return warnings;
	}

	/**
	 * Joins the household's warning for the rule and year. A withdrawn one (its only signals taken back) is raised
	 * again for the new signal, with a new owner and deadline, as if it were new; an unsettled one takes the newest
	 * reason.
	 *
	 * @param joining the hits that join it, in order
	 * @return the warning
	 */
	private UUID joined(Existing warning, List<Hit> joining, Owners owners, List<WarningRaised> raised) {
		Hit first = joining.get(0);
		String reason = joining.get(joining.size() - 1).reason();
		if (warning.status() == WarningStatus.WITHDRAWN) {
			raised.add(reopened(warning.id(), first.rule(), first.signal(), reason, owners));
		}
		else if (warning.status().awaitsCheck() && !reason.equals(warning.reason())) {
			jdbc.sql("update monitoring_warning set reason = :reason where id = :id")
				.param("reason", reason)
				.param("id", warning.id())
				.update();
		}
		return warning.id();
	}

	private WarningRaised reopened(UUID id, RuleVersion rule, Signal signal, String reason, Owners owners) {
		Instant now = clock.instant();
		Stored withdrawn = jdbc.sql("select * from monitoring_warning where id = :id")
			.param("id", id)
			.query(Warnings::stored)
			.single();
		DivisionCode township = township(withdrawn);
		String owner = owners.pick(village(withdrawn.residencePath())).orElse(null);
		Instant due = calendar.plusWorkingDays(now, rule.severity().checkWorkingDays(settings));
		jdbc.sql("""
				update monitoring_warning set status = 'OPEN', withdrawn_at = null, reason = :reason, owner = :owner,
				       raised_at = :at, due_at = :due, severity = :severity, rule_version = :version,
				       first_signal_on = :on
				 where id = :id""")
			.param("reason", reason)
			.param("severity", rule.severity().name())
			.param("version", rule.version())
			.param("on", signal.occurredOn())
			.param("owner", owner)
			.param("at", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.param("id", id)
			.update();
		return new WarningRaised(withdrawn.number(), township, owner, rule.severity(), rule.code(), now, due);
	}

	/**
	 * Who checks the warnings of one batch: the village's reporter with the fewest open warnings; where the village has
	 * none, the township's staff member with the fewest; where the township has none either, the county's reviewers.
	 * A county with none of them leaves the warning to its township, whose staff see it in their list as soon as they
	 * are appointed. Each area's path, its staff and their open warnings are read once per batch and counted on as
	 * warnings are given out.
	 */
	private final class Owners {

		private final Map<DivisionCode, String> paths = new HashMap<>();

		private final Map<String, List<String>> staff = new HashMap<>();

		private final Map<String, Long> open = new HashMap<>();

		String path(DivisionCode division) {
			return paths.computeIfAbsent(division, regions::path);
		}

		Optional<String> pick(DivisionCode village) {
			String villagePath = path(village);
			String townshipPath = path(new DivisionCode(village.value().substring(0, 9)));
			List<String> candidates = staff(villagePath, Set.of("VILLAGE_REPORTER"));
			if (candidates.isEmpty()) {
				candidates = staff(townshipPath, CHECKERS);
			}
			if (candidates.isEmpty()) {
				candidates = staff(townshipPath.substring(0, townshipPath.length() - 10),
						Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER"));
			}
			Optional<String> owner = candidates.stream().min(Comparator.comparing(open::get));
			owner.ifPresent(name -> open.merge(name, 1L, Long::sum));
			return owner;
		}

		void release(@Nullable String owner) {
			if (owner != null) {
				open.merge(owner, -1L, Long::sum);
			}
		}

		private List<String> staff(String path, Set<String> roles) {
			return staff.computeIfAbsent(path + "|" + String.join(",", new java.util.TreeSet<>(roles)), key -> {
				List<String> names = colleagues(path, roles);
				List<String> uncounted = names.stream().filter(name -> !open.containsKey(name)).toList();
				if (!uncounted.isEmpty()) {
					uncounted.forEach(name -> open.put(name, 0L));
					jdbc.sql("""
							select owner, count(*) from monitoring_warning
							 where owner in (:owners) and status in ('OPEN', 'UNREACHABLE') group by owner""")
						.param("owners", uncounted)
						.query((row, n) -> open.put(row.getString(1), row.getLong(2)))
						.list();
				}
				return names;
			});
		}

	}

	private List<String> colleagues(String path, Set<String> roles) {
		return directory.colleagues(path, roles).stream().map(StaffDirectory.Colleague::username).toList();
	}

	/**
	 * Records a check. The owner or the township's staff record it; a household in need gets a help request, about the
	 * registered person, taken by the checker.
	 */
	@Transactional
	public WarningView check(String number, CheckReport report, Caller caller) {
		Stored warning = stored(number).orElseThrow(() -> new NotFound("monitoring.warning-not-found", number));
		visible(warning, caller);
		if (!mayCheck(warning, caller)) {
			throw new Forbidden("monitoring.check-not-allowed");
		}
		if (warning.status() == WarningStatus.WITHDRAWN) {
			throw new Conflict("monitoring.warning-withdrawn");
		}
		if (!warning.status().awaitsCheck()) {
			throw new Conflict("monitoring.warning-checked");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, COUNTY_ZONE);
		if (report.method() == null) {
			throw new InvalidInput("monitoring.check-method-required");
		}
		if (report.checkedOn() == null || report.checkedOn().isAfter(today)
				|| report.checkedOn().isBefore(LocalDate.ofInstant(warning.raisedAt(), COUNTY_ZONE))) {
			throw new InvalidInput("monitoring.checked-on-invalid");
		}
		String findings = report.findings() == null ? "" : report.findings().strip();
		if (findings.length() < 2 || findings.length() > 1000) {
			throw new InvalidInput("monitoring.findings-required");
		}
		if (report.outcome() == null) {
			throw new InvalidInput("monitoring.outcome-required");
		}
		String reason = report.reason() == null ? "" : report.reason().strip();
		if ((report.outcome() == CheckOutcome.NO_NEED || report.outcome() == CheckOutcome.ALREADY_HELPED)
				&& (reason.length() < 2 || reason.length() > 500)) {
			throw new InvalidInput("monitoring.reason-required");
		}
		Boolean foundFirst = report.outcome() == CheckOutcome.NEEDS_HELP ? foundFirst(warning) : null;
		String request = report.outcome() == CheckOutcome.NEEDS_HELP ? request(warning, findings, caller) : null;
		Instant retryBy = report.outcome() == CheckOutcome.UNREACHABLE
				? calendar.plusWorkingDays(now, settings.retryWorkingDays()) : null;
		jdbc.sql("""
				update monitoring_warning set status = :status, checked_at = :at, checked_by = :by, check_method = :method,
				       checked_on = :on, findings = :findings, outcome_reason = :reason, request_number = :request,
				       due_at = coalesce(:retry, due_at), found_first = :first, owner = coalesce(owner, :by)
				 where id = :id""")
			.param("status", report.outcome().status().name())
			.param("at", Timestamp.from(now))
			.param("by", caller.name())
			.param("method", report.method().name())
			.param("on", report.checkedOn())
			.param("findings", findings)
			.param("reason", reason.isEmpty() ? null : reason)
			.param("request", request)
			.param("retry", retryBy == null ? null : Timestamp.from(retryBy))
			.param("first", foundFirst)
			.param("id", warning.id())
			.update();
		events.publishEvent(new WarningChecked(number, township(warning), report.outcome(), caller.name(), now,
				warning.owner() == null ? caller.name() : warning.owner(), retryBy, request));
		return view(number, caller);
	}

	/**
	 * @return whether data found the household first: nobody asked for help for the person from
	 *     {@link #ASKED_BEFORE} before the first signal until the check
	 */
	private boolean foundFirst(Stored warning) {
		Instant since = warning.firstSignalOn().minus(ASKED_BEFORE).atStartOfDay(COUNTY_ZONE).toInstant();
		return !intake.askedFor(new PersonId(warning.personId()), since);
	}

	private String request(Stored warning, String findings, Caller caller) {
		String reporter = caller instanceof Staff staff ? staff.displayName() : caller.name();
		NewHelpRequest request = new NewHelpRequest(Channel.DATA_WARNING,
				warning.severity() == Severity.RED ? Urgency.URGENT : Urgency.NORMAL,
				reporter.length() > 50 ? reporter.substring(0, 50) : reporter, ReporterRelation.VILLAGE_WORKER, null,
				warning.personId(), null, null, null, null,
				"预警 " + warning.number() + "：" + warning.reason() + "。核实情况：" + findings,
				Set.of(warning.rule().cause()), false, null, null, null);
		HelpRequestView received = intake.receive(request, caller);
		return received.number();
	}

	/**
	 * The signals behind some warnings were withdrawn: those left with none, and not checked yet, are withdrawn and
	 * owe no check any more. Checked warnings stand as the record of what the check found.
	 */
	void withdrawUnfounded(Collection<UUID> warningIds) {
		if (warningIds.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update monitoring_warning w set status = 'WITHDRAWN', withdrawn_at = :at
				 where id in (:ids) and status in ('OPEN', 'UNREACHABLE')
				   and not exists (select 1 from monitoring_warning_signal s where s.warning_id = w.id)
				returning number, residence_path""")
			.param("at", Timestamp.from(now))
			.param("ids", warningIds)
			.query((row, n) -> new WarningWithdrawn(row.getString(1),
					new DivisionCode(village(row.getString(2)).value().substring(0, 9)), now))
			.list()
			.forEach(events::publishEvent);
	}

	/**
	 * @return a warning as the viewer may see it
	 */
	@Transactional(readOnly = true)
	public WarningView view(String number, Caller caller) {
		Stored warning = stored(number).orElseThrow(() -> new NotFound("monitoring.warning-not-found", number));
		visible(warning, caller);
		return present(warning, caller);
	}

	/**
	 * @return the warnings waiting for a check that the viewer owns or, for the township's and county's staff, that
	 *     lie in their area: most urgent first
	 */
	@Transactional(readOnly = true)
	public List<WarningView> awaitingCheck(Caller caller) {
		return listed(caller, "status in ('OPEN', 'UNREACHABLE')", "due_at, number", clock.instant());
	}

	/**
	 * @return the warnings of the viewer's area checked in the last 30 days, newest first
	 */
	@Transactional(readOnly = true)
	public List<WarningView> recentlyChecked(Caller caller) {
		return listed(caller, "status not in ('OPEN', 'UNREACHABLE') and coalesce(checked_at, withdrawn_at) >= :since",
				"coalesce(checked_at, withdrawn_at) desc", clock.instant().minus(Duration.ofDays(30)));
	}

	/**
	 * @return how many warnings wait for the viewer's own check
	 */
	long owedBy(Caller caller) {
		return jdbc.sql("select count(*) from monitoring_warning where owner = :owner and status in ('OPEN', 'UNREACHABLE')")
			.param("owner", caller.name())
			.query(Long.class)
			.single();
	}

	private List<WarningView> listed(Caller caller, String condition, String order, Instant since) {
		String scope = caller.regionScope() == null || caller.roles().stream().noneMatch(READERS::contains) ? null
				: regions.path(caller.regionScope());
		return jdbc.sql("select * from monitoring_warning where (owner = :owner or residence_path like :scope) and "
				+ condition + " order by " + order + " limit 200")
			.param("owner", caller.name())
			.param("scope", scope == null ? "-" : scope + "%")
			.param("since", Timestamp.from(since))
			.query(Warnings::stored)
			.list()
			.stream()
			.map(warning -> present(warning, caller))
			.toList();
	}

	private WarningView present(Stored warning, Caller caller) {
		String name = persons.nameOf(new PersonId(warning.personId())).orElse("—");
		DivisionCode village = village(warning.residencePath());
		String place = regions.lineage(village)
			.stream()
			.filter(division -> division.code().value().length() >= 9)
			.map(division -> division.name())
			.reduce((township, villageName) -> township + villageName)
			.orElse(village.value());
		return new WarningView(warning.number(), warning.rule(), warning.severity(), warning.reason(),
				warning.status(), name, place, warning.owner() == null ? null : directory.displayName(warning.owner()).orElse(null),
				warning.raisedAt(), warning.dueAt(), warning.firstSignalOn(), warning.checkedOn(), warning.method(),
				warning.findings(), warning.outcomeReason(), warning.requestNumber(),
				warning.status().awaitsCheck() && mayCheck(warning, caller));
	}

	private void visible(Stored warning, Caller caller) {
		if (caller.name().equals(warning.owner())) {
			return;
		}
		if (caller.regionScope() == null || caller.roles().stream().noneMatch(READERS::contains)
				|| !warning.residencePath().startsWith(regions.path(caller.regionScope()))) {
			throw new NotFound("monitoring.warning-not-found", warning.number());
		}
	}

	private boolean mayCheck(Stored warning, Caller caller) {
		if (caller.name().equals(warning.owner())) {
			return true;
		}
		boolean checker = caller.roles().stream().anyMatch(role -> CHECKERS.contains(role) || "VILLAGE_REPORTER".equals(role));
		return checker && caller.regionScope() != null
				&& warning.residencePath().startsWith(regions.path(caller.regionScope()));
	}

	private Optional<Stored> stored(String number) {
		if (number == null || !number.matches("YJ\\d{8}-\\d{4,}")) {
			return Optional.empty();
		}
		return jdbc.sql("select * from monitoring_warning where number = :number")
			.param("number", number)
			.query(Warnings::stored)
			.optional();
	}

	private static DivisionCode township(Stored warning) {
		return new DivisionCode(village(warning.residencePath()).value().substring(0, 9));
	}

	private static DivisionCode village(String residencePath) {
		String[] parts = residencePath.split("/");
		return new DivisionCode(parts[parts.length - 1]);
	}

	private static Stored stored(ResultSet row, int n) throws SQLException {
		String method = row.getString("check_method");
		return new Stored(row.getObject("id", UUID.class), row.getString("number"),
				RuleCode.valueOf(row.getString("rule_code")), Severity.valueOf(row.getString("severity")),
				row.getString("reason"), WarningStatus.valueOf(row.getString("status")), row.getString("owner"),
				row.getObject("person_id", UUID.class), row.getString("residence_path"),
				row.getTimestamp("raised_at").toInstant(), row.getTimestamp("due_at").toInstant(),
				row.getObject("first_signal_on", LocalDate.class), row.getObject("checked_on", LocalDate.class),
				method == null ? null : CheckMethod.valueOf(method), row.getString("findings"),
				row.getString("outcome_reason"), row.getString("request_number"));
	}

	private record Stored(UUID id, String number, RuleCode rule, Severity severity, String reason, WarningStatus status,
			@Nullable String owner, UUID personId, String residencePath, Instant raisedAt, Instant dueAt, LocalDate firstSignalOn,
			@Nullable LocalDate checkedOn, @Nullable CheckMethod method, @Nullable String findings,
			@Nullable String outcomeReason, @Nullable String requestNumber) {
	}

}
