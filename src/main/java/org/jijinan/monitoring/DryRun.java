package org.jijinan.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jijinan.people.Beneficiaries;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tries a rule's parameters on the county's stored signals of the last twelve months (试运行): each household's
 * signals are replayed in the order they arrived through the same rule the live judge uses, a household is
 * counted once per year as a warning would be, and the households that received aid after their first hit are
 * counted. Nothing is raised.
 */
@Service
public class DryRun {

	private static final int MONTHS = 12;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final RegionDirectory regions;

	private final Beneficiaries beneficiaries;

	DryRun(DataSource dataSource, JdbcClient jdbc, RuleBook rules, RegionDirectory regions,
			Beneficiaries beneficiaries) {
		// A template of its own: the signals are read in pages from a cursor, without changing the shared one.
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.jdbcTemplate.setFetchSize(5_000);
		this.jdbc = jdbc;
		this.rules = rules;
		this.regions = regions;
		this.beneficiaries = beneficiaries;
	}

	/**
	 * @return what the proposed parameters would have done over the last twelve months
	 */
	@Transactional(readOnly = true)
	public Result run(RuleCode code, RuleBook.RuleChange proposal, Caller caller) {
		String county = RuleBook.countyOf(caller);
		RuleBook.check(code, proposal);
		LocalDate today = rules.today();
		LocalDate from = today.minusMonths(MONTHS);
		RuleVersion current = rules.inForce(county, code, today);
		RuleVersion tried = current.proposing(proposal.severity(), proposal.threshold(), proposal.multiple(),
				proposal.months(), proposal.categories());
		Replay replay = new Replay(tried, from);
		String kinds = code.reads().stream().map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(", "));
		// The households' signals are sorted in memory rather than spilled to disk at the default 4 MB.
		jdbcTemplate.execute("set local work_mem = '64MB'");
		jdbcTemplate.query("""
				select %s from monitoring_signal
				 where person_id is not null and residence_path like ? and occurred_on >= ? and occurred_on <= ?
				   and kind in (%s)
				 order by household_key, seq""".formatted(SignalJudge.COLUMNS, kinds),
				row -> {
					replay.next(SignalJudge.signal(row, 0));
				}, regions.path(new DivisionCode(county)) + "%", from.minusMonths(SignalJudge.LOOK_BACK_MONTHS), today);
		replay.flush();
		return new Result(code, replay.read, replay.firstHits.size(), aided(replay.firstHits));
	}

	/**
	 * @return how many of the households received aid on or after the day of their first hit
	 */
	private long aided(Map<HouseholdYear, LocalDate> hits) {
		if (hits.isEmpty()) {
			return 0;
		}
		Map<UUID, LocalDate> firstHit = new HashMap<>();
		hits.forEach((key, day) -> firstHit.merge(key.household(), day, (a, b) -> a.isBefore(b) ? a : b));
		Set<UUID> aided = new HashSet<>();
		List<UUID> households = new ArrayList<>(firstHit.keySet());
		for (int start = 0; start < households.size(); start += 10_000) {
			List<UUID> chunk = households.subList(start, Math.min(households.size(), start + 10_000));
			jdbc.sql("""
					select household_key, max(aided_at) from monitoring_household_aid
					 where household_key = any(:households) group by household_key""")
				.param("households", chunk.toArray(UUID[]::new))
				.query((row, n) -> {
					UUID household = row.getObject(1, UUID.class);
					LocalDate last = row.getTimestamp(2).toInstant().atZone(Warnings.COUNTY_ZONE).toLocalDate();
					if (!last.isBefore(firstHit.get(household))) {
						aided.add(household);
					}
					return household;
				})
				.list();
		}
		return aided.size();
	}

	/**
	 * Replays one household at a time: the rows come ordered by household and arrival.
	 */
	private final class Replay {

		private final RuleVersion rule;

		private final LocalDate from;

		private final Map<HouseholdYear, LocalDate> firstHits = new HashMap<>();

		private final List<Signal> household = new ArrayList<>();

		private long read;

		private final Map<String, Set<String>> categories = new HashMap<>();

		Replay(RuleVersion rule, LocalDate from) {
			this.rule = rule;
			this.from = from;
		}

		void next(Signal signal) {
			if (!household.isEmpty() && !household.get(0).householdKey().equals(signal.householdKey())) {
				flush();
			}
			household.add(signal);
		}

		void flush() {
			for (Signal signal : household) {
				if (signal.occurredOn().isBefore(from)) {
					continue;
				}
				read++;
				List<Signal> history = household.stream()
					.filter(earlier -> earlier.seq() <= signal.seq() && !earlier.occurredOn().isAfter(signal.occurredOn())
							&& !earlier.occurredOn().isBefore(signal.occurredOn().minusMonths(SignalJudge.LOOK_BACK_MONTHS)))
					.toList();
				if (!rule.categories().isEmpty() && !rule.appliesTo(categoriesOf(signal))) {
					continue;
				}
				if (rule.code().hit(signal, history, rule).isPresent()) {
					firstHits.putIfAbsent(new HouseholdYear(signal.householdKey(), RuleCode.period(signal)),
							signal.occurredOn());
				}
			}
			household.clear();
		}

		private Set<String> categoriesOf(Signal signal) {
			return categories.computeIfAbsent(signal.householdKey() + "/" + signal.occurredOn(),
					key -> beneficiaries.categoriesOf(signal.personId(), signal.householdKey(), signal.occurredOn()));
		}

	}

	private record HouseholdYear(UUID household, String year) {
	}

	/**
	 * What a rule's parameters would have done.
	 *
	 * @param rule the rule tried
	 * @param signals the signals of the last twelve months judged (of the kinds the rule reads)
	 * @param warnings the warnings it would have raised
	 * @param aided how many of those households received aid after the hit
	 */
	public record Result(RuleCode rule, long signals, long warnings, long aided) {
	}

}
