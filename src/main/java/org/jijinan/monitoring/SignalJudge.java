package org.jijinan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jijinan.people.Beneficiaries;
import org.jijinan.shared.KeyTable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges a signal by the county's active rules in force on its day, against the household's signals that arrived
 * before it (only the kinds and days those rules look back at), and raises or adds to a warning for each rule that
 * hits. The dry run replays stored signals through the same rules in the same order, so that what it counts is what
 * the rules would do.
 */
@Component
class SignalJudge {

	/** The longest window a rule may look back over. */
	static final int LOOK_BACK_MONTHS = 24;

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final Beneficiaries beneficiaries;

	private final Warnings warnings;

	private final DataSource dataSource;

	SignalJudge(JdbcClient jdbc, RuleBook rules, Beneficiaries beneficiaries, Warnings warnings,
			DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.rules = rules;
		this.beneficiaries = beneficiaries;
		this.warnings = warnings;
	}

	/**
	 * Judges a stored signal against its household's stored signals, which hold it.
	 */
	void judge(Signal stored) {
		List<Signal> signals = List.of(stored);
		judge(signals, histories(signals, new InForce(rules)));
	}

	/**
	 * @return the stored signals of the households these arriving signals are about, as far back as the rules in
	 *     force on their days look: read before they are stored, so that what was stored is read once and what
	 *     arrives is not read back
	 */
	Histories before(List<Signal> arriving) {
		return histories(arriving, new InForce(rules));
	}

	/**
	 * Judges signals just stored, in the order they arrived, each against its household's signals up to it.
	 *
	 * @param arriving matched signals, in order of arrival
	 * @param before the households' signals stored before them ({@link #before})
	 */
	void judgeArrived(List<Signal> arriving, Histories before) {
		arriving.forEach(before::add);
		judge(arriving, before);
	}

	/**
	 * Judges signals in the order they arrived by the county's active rules in force on each one's day, then raises
	 * or joins the warnings of all hits together.
	 */
	private void judge(List<Signal> signals, Histories histories) {
		List<Warnings.Hit> hits = new ArrayList<>();
		for (Signal signal : signals) {
			List<RuleVersion> rules = histories.inForce.on(signal);
			if (rules.isEmpty()) {
				continue;
			}
			List<Signal> history = histories.upTo(signal);
			Set<String> categories = rules.stream().allMatch(rule -> rule.categories().isEmpty()) ? Set.of()
					: beneficiaries.categoriesOf(signal.personId(), signal.householdKey(), signal.occurredOn());
			for (RuleVersion rule : rules) {
				if (rule.appliesTo(categories)) {
					rule.code()
						.hit(signal, history, rule)
						.ifPresent(reason -> hits.add(new Warnings.Hit(rule, signal, reason)));
				}
			}
		}
		warnings.raise(hits);
	}

	/**
	 * The county's active rules on each signal's day: every version of a county's rules read once.
	 */
	private static final class InForce {

		private final RuleBook book;

		private final Map<String, String> countyOf = new HashMap<>();

		private final Map<String, RuleBook.CountyRules> counties = new HashMap<>();

		private final Map<CountyDay, List<RuleVersion>> active = new HashMap<>();

		InForce(RuleBook book) {
			this.book = book;
		}

		List<RuleVersion> on(Signal signal) {
			String county = countyOf.computeIfAbsent(signal.residencePath(), RuleBook::countyOf);
			return active.computeIfAbsent(new CountyDay(county, signal.occurredOn()),
					key -> counties.computeIfAbsent(county, book::versions)
						.on(signal.occurredOn())
						.stream()
						.filter(RuleVersion::active)
						.toList());
		}

		/**
		 * @return by kind, the first day any rule in force for these signals looks back to, never more than
		 *     {@link SignalJudge#LOOK_BACK_MONTHS} before the signal
		 */
		Map<SignalKind, LocalDate> looksBack(List<Signal> signals) {
			Map<SignalKind, LocalDate> since = new EnumMap<>(SignalKind.class);
			for (Signal signal : signals) {
				LocalDate limit = signal.occurredOn().minusMonths(LOOK_BACK_MONTHS);
				for (RuleVersion rule : on(signal)) {
					rule.code().looksBack(signal, rule).forEach((kind, from) -> since.merge(kind,
							from.isBefore(limit) ? limit : from, (a, b) -> a.isBefore(b) ? a : b));
				}
			}
			return since;
		}

	}

	private record CountyDay(String county, LocalDate day) {
	}

	/**
	 * @return the stored signals of the households concerned of the kinds and days the rules in force look back at,
	 *     by household in order of arrival: a thousand households in one query, more joined through a
	 *     {@link KeyTable}; none read when no rule looks back
	 */
	private Histories histories(List<Signal> signals, InForce inForce) {
		Histories histories = new Histories(inForce);
		Map<SignalKind, LocalDate> since = inForce.looksBack(signals);
		if (since.isEmpty()) {
			return histories;
		}
		Set<UUID> households = signals.stream().map(Signal::householdKey).collect(Collectors.toSet());
		String concerned = households.size() <= 1000 ? "household_key in (:households)"
				: "household_key in (select key from "
						+ KeyTable.of("monitoring_judged_household", "uuid", households, jdbc, dataSource) + ")";
		List<SignalKind> kinds = List.copyOf(since.keySet());
		StringJoiner read = new StringJoiner(" or ", "(", ")");
		for (int i = 0; i < kinds.size(); i++) {
			read.add("kind = :kind%d and occurred_on >= :since%d".formatted(i, i));
		}
		var statement = jdbc.sql("select %s from monitoring_signal where %s and %s order by seq".formatted(COLUMNS,
				concerned, read))
			.param("households", households);
		for (int i = 0; i < kinds.size(); i++) {
			statement = statement.param("kind" + i, kinds.get(i).name()).param("since" + i, since.get(kinds.get(i)));
		}
		statement.query(SignalJudge::signal).list().forEach(histories::add);
		return histories;
	}

	/**
	 * Households' signals by household, in order of arrival.
	 */
	static final class Histories {

		private final Map<UUID, List<Signal>> byHousehold = new HashMap<>();

		private final InForce inForce;

		private Histories(InForce inForce) {
			this.inForce = inForce;
		}

		void add(Signal signal) {
			byHousehold.computeIfAbsent(signal.householdKey(), key -> new ArrayList<>()).add(signal);
		}

		/**
		 * @return of the household's signals, those that arrived up to this one and happened within its window, on
		 *     or before its day
		 */
		List<Signal> upTo(Signal signal) {
			LocalDate from = signal.occurredOn().minusMonths(LOOK_BACK_MONTHS);
			return byHousehold.getOrDefault(signal.householdKey(), List.of())
				.stream()
				.filter(earlier -> earlier.seq() <= signal.seq() && !earlier.occurredOn().isAfter(signal.occurredOn())
						&& !earlier.occurredOn().isBefore(from))
				.toList();
		}

	}

	/** The columns {@link #signal} maps, in its order. */
	static final String COLUMNS = """
			seq, id, kind, occurred_on, received_at, person_id, household_key, residence_path, amount, year_total,
			       category""";

	/**
	 * Maps a row of {@link #COLUMNS} by position (a dry run maps a million of them).
	 */
	static Signal signal(ResultSet row, int n) throws SQLException {
		return new Signal(row.getLong(1), row.getObject(2, UUID.class), SignalKind.valueOf(row.getString(3)),
				row.getObject(4, LocalDate.class), row.getObject(5, OffsetDateTime.class).toInstant(),
				row.getObject(6, UUID.class), row.getObject(7, UUID.class), row.getString(8), row.getBigDecimal(9),
				row.getBigDecimal(10), row.getString(11));
	}

}
