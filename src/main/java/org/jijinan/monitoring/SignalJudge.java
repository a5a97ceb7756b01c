package org.jijinan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
		String county = RuleBook.countyOf(signal.residencePath());
		List<RuleVersion> active = rules.rules(county, signal.occurredOn()).stream().filter(RuleVersion::active).toList();
		if (active.isEmpty()) {
			return;
		}
		List<Signal> history = history(signal);
		Set<String> categories = active.stream().allMatch(rule -> rule.categories().isEmpty()) ? Set.of()
				: beneficiaries.categoriesOf(signal.personId(), signal.householdKey(), signal.occurredOn());
		for (RuleVersion rule : active) {
			if (rule.appliesTo(categories)) {
				rule.code().hit(signal, history, rule).ifPresent(reason -> warnings.raise(rule, signal, reason));
			}
		}
	}

	/**
	 * @return the household's signals that arrived up to this one and happened on or before its day
	 */
	private List<Signal> history(Signal signal) {
		return jdbc.sql("""
				select seq, id, kind, occurred_on, received_at, person_id, household_key, residence_path, amount,
				       year_total, category from monitoring_signal
				 where household_key = :household and seq <= :seq and occurred_on <= :day and occurred_on >= :from
				 order by seq""")
			.param("household", signal.householdKey())
			.param("seq", signal.seq())
			.param("day", signal.occurredOn())
			.param("from", signal.occurredOn().minusMonths(LOOK_BACK_MONTHS))
			.query(SignalJudge::signal)
			.list();
	}

	static Signal signal(ResultSet row, int n) throws SQLException {
		return new Signal(row.getLong("seq"), row.getObject("id", UUID.class), SignalKind.valueOf(row.getString("kind")),
				row.getObject("occurred_on", LocalDate.class), row.getTimestamp("received_at").toInstant(),
				row.getObject("person_id", UUID.class), row.getObject("household_key", UUID.class),
				row.getString("residence_path"), row.getBigDecimal("amount"), row.getBigDecimal("year_total"),
				row.getString("category"));
	}

}
