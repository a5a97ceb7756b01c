package org.jijinan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.people.Beneficiaries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges a signal by the county's active rules in force on its day, against the household's signals that arrived
 * before it, and raises or adds to a warning for each rule that hits. The dry run replays stored signals through the
 * same rules in the same order, so that what it counts is what the rules would do.
 */
@Component
class SignalJudge {

	/** The longest window a rule may look back over. */
	static final int LOOK_BACK_MONTHS = 24;

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final Beneficiaries beneficiaries;

	private final Warnings warnings;

	SignalJudge(JdbcClient jdbc, RuleBook rules, Beneficiaries beneficiaries, Warnings warnings) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.beneficiaries = beneficiaries;
		this.warnings = warnings;
	}

	void judge(Signal signal) {
		judgeAll(List.of(signal));
	}

	/**
	 * Judges signals in the order they arrived, each against its household's signals up to it: the histories of all
	 * their households are read at once, a thousand households to a query, and the rules once per county and day.
	 *
	 * @param signals matched signals, in order of arrival
	 */
	void judgeAll(List<Signal> signals) {
		Map<String, List<RuleVersion>> active = new HashMap<>();
		Map<UUID, List<Signal>> histories = null;
		for (Signal signal : signals) {
			String county = RuleBook.countyOf(signal.residencePath());
			List<RuleVersion> rules = active.computeIfAbsent(county + "|" + signal.occurredOn(),
					key -> this.rules.rules(county, signal.occurredOn()).stream().filter(RuleVersion::active).toList());
			if (rules.isEmpty()) {
				continue;
			}
			if (histories == null) {
				histories = histories(signals);
			}
			List<Signal> history = history(signal, histories.getOrDefault(signal.householdKey(), List.of()));
			Set<String> categories = rules.stream().allMatch(rule -> rule.categories().isEmpty()) ? Set.of()
					: beneficiaries.categoriesOf(signal.personId(), signal.householdKey(), signal.occurredOn());
			for (RuleVersion rule : rules) {
				if (rule.appliesTo(categories)) {
					rule.code().hit(signal, history, rule).ifPresent(reason -> warnings.raise(rule, signal, reason));
				}
			}
		}
	}

	/**
	 * @return the signals of the households concerned, from the earliest window any of the signals looks back over,
	 *     by household in order of arrival
	 */
	private Map<UUID, List<Signal>> histories(List<Signal> signals) {
		LocalDate from = signals.stream()
			.map(Signal::occurredOn)
			.min(LocalDate::compareTo)
			.orElseThrow()
			.minusMonths(LOOK_BACK_MONTHS);
		List<UUID> households = signals.stream().map(Signal::householdKey).distinct().toList();
		Map<UUID, List<Signal>> histories = new HashMap<>();
		for (int start = 0; start < households.size(); start += 1000) {
			jdbc.sql("""
					select seq, id, kind, occurred_on, received_at, person_id, household_key, residence_path, amount,
					       year_total, category from monitoring_signal
					 where household_key in (:households) and occurred_on >= :from
					 order by seq""")
				.param("households", households.subList(start, Math.min(households.size(), start + 1000)))
				.param("from", from)
				.query(SignalJudge::signal)
				.list()
				.forEach(earlier -> histories.computeIfAbsent(earlier.householdKey(), key -> new ArrayList<>())
					.add(earlier));
		}
		return histories;
	}

	/**
	 * @return of the household's signals, those that arrived up to this one and happened within its window, on or
	 *     before its day
	 */
	private static List<Signal> history(Signal signal, List<Signal> household) {
		LocalDate from = signal.occurredOn().minusMonths(LOOK_BACK_MONTHS);
		return household.stream()
			.filter(earlier -> earlier.seq() <= signal.seq() && !earlier.occurredOn().isAfter(signal.occurredOn())
					&& !earlier.occurredOn().isBefore(from))
			.toList();
	}

	static Signal signal(ResultSet row, int n) throws SQLException {
		return new Signal(row.getLong("seq"), row.getObject("id", UUID.class), SignalKind.valueOf(row.getString("kind")),
				row.getObject("occurred_on", LocalDate.class), row.getTimestamp("received_at").toInstant(),
				row.getObject("person_id", UUID.class), row.getObject("household_key", UUID.class),
				row.getString("residence_path"), row.getBigDecimal("amount"), row.getBigDecimal("year_total"),
				row.getString("category"));
	}

}
