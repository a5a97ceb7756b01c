package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The rules the platform knows. Each judges a new signal against the household's earlier ones and, when it hits,
 * explains the hit in one Chinese sentence built from the figures. A household is warned once per rule and calendar
 * year of the signal; later hits join that warning.
 */
public enum RuleCode {

	/**
	 * 大额医疗自付: the household's own share of hospital bills this year above an amount, or above a multiple of its
	 * annual income when an income is known.
	 */
	MEDICAL_SPENDING {
		@Override
		RuleVersion defaults() {
			return new RuleVersion(this, 0, LocalDate.of(2000, 1, 1), true, Severity.RED, new BigDecimal("20000"),
					BigDecimal.ONE, null, Set.of());
		}

		@Override
		Set<SignalKind> reads() {
			return EnumSet.of(SignalKind.MEDICAL_SPENDING, SignalKind.HOUSEHOLD_INCOME);
		}

		@Override
		Map<SignalKind, LocalDate> looksBack(Signal signal, RuleVersion rule) {
			if (signal.kind() != SignalKind.MEDICAL_SPENDING) {
				return Map.of();
			}
			return Map.of(SignalKind.MEDICAL_SPENDING, signal.occurredOn().withDayOfYear(1), SignalKind.HOUSEHOLD_INCOME,
					signal.occurredOn().minusMonths(SignalJudge.LOOK_BACK_MONTHS));
		}

		@Override
		Optional<String> hit(Signal signal, List<Signal> history, RuleVersion rule) {
			if (signal.kind() != SignalKind.MEDICAL_SPENDING) {
				return Optional.empty();
			}
			int year = signal.occurredOn().getYear();
			Map<UUID, BigDecimal> byPerson = new HashMap<>();
			for (Signal earlier : history) {
				if (earlier.kind() == SignalKind.MEDICAL_SPENDING && earlier.occurredOn().getYear() == year) {
					byPerson.merge(earlier.personId(), yearTotal(earlier), BigDecimal::max);
				}
			}
			BigDecimal total = byPerson.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal income = history.stream()
				.filter(earlier -> earlier.kind() == SignalKind.HOUSEHOLD_INCOME && earlier.amount() != null)
				.max(Comparator.comparing(Signal::occurredOn).thenComparing(Signal::receivedAt))
				.map(Signal::amount)
				.orElse(null);
			if (income != null && income.signum() > 0 && rule.multiple() != null
					&& total.compareTo(rule.multiple().multiply(income)) > 0) {
				return Optional.of("%d 年自付医疗费 %s 元，为家庭年收入的 %s 倍".formatted(year, yuan(total),
						total.divide(income, 1, RoundingMode.HALF_UP).toPlainString()));
			}
			if (rule.threshold() != null && total.compareTo(rule.threshold()) >= 0) {
				return Optional.of("%d 年自付医疗费 %s 元，超过 %s 元".formatted(year, yuan(total), yuan(rule.threshold())));
			}
			return Optional.empty();
		}

		private static BigDecimal yearTotal(Signal signal) {
			BigDecimal own = signal.amount() == null ? BigDecimal.ZERO : signal.amount();
			return signal.yearTotal() == null ? own : signal.yearTotal().max(own);
		}
	},

	/** 多重困难: a second kind of serious signal for the household within a number of months. */
	REPEATED_HARDSHIP {
		@Override
		RuleVersion defaults() {
			return new RuleVersion(this, 0, LocalDate.of(2000, 1, 1), true, Severity.ORANGE, null, null, 6, Set.of());
		}

		@Override
		Set<SignalKind> reads() {
			return Arrays.stream(SignalKind.values())
				.filter(SignalKind::serious)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(SignalKind.class)));
		}

		@Override
		Map<SignalKind, LocalDate> looksBack(Signal signal, RuleVersion rule) {
			if (!signal.kind().serious()) {
				return Map.of();
			}
			LocalDate from = signal.occurredOn().minusMonths(months(rule));
			return reads().stream().collect(Collectors.toMap(kind -> kind, kind -> from));
		}

		@Override
		Optional<String> hit(Signal signal, List<Signal> history, RuleVersion rule) {
			if (!signal.kind().serious()) {
				return Optional.empty();
			}
			int months = months(rule);
			LocalDate from = signal.occurredOn().minusMonths(months);
			Set<SignalKind> kinds = history.stream()
				.filter(earlier -> earlier.kind().serious() && !earlier.occurredOn().isBefore(from))
				.sorted(Comparator.comparing(Signal::occurredOn))
				.map(Signal::kind)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			if (kinds.size() < 2) {
				return Optional.empty();
			}
			return Optional.of("%d 个月内有 %d 种困难信号：%s".formatted(months, kinds.size(),
					kinds.stream().map(RuleCode::nameOf).collect(Collectors.joining("、"))));
		}

		private static int months(RuleVersion rule) {
			return rule.months() == null ? 6 : rule.months();
		}
	},

	/** 灾害损失: a disaster's damage to the household above an amount. */
	DISASTER_DAMAGE {
		@Override
		RuleVersion defaults() {
			return new RuleVersion(this, 0, LocalDate.of(2000, 1, 1), true, Severity.ORANGE, new BigDecimal("5000"),
					null, null, Set.of());
		}

		@Override
		Set<SignalKind> reads() {
			return EnumSet.of(SignalKind.DISASTER_DAMAGE);
		}

		@Override
		Map<SignalKind, LocalDate> looksBack(Signal signal, RuleVersion rule) {
			return Map.of();
		}

		@Override
		Optional<String> hit(Signal signal, List<Signal> history, RuleVersion rule) {
			if (signal.kind() != SignalKind.DISASTER_DAMAGE || signal.amount() == null) {
				return Optional.empty();
			}
			BigDecimal threshold = rule.threshold() == null ? BigDecimal.ZERO : rule.threshold();
			if (signal.amount().compareTo(threshold) < 0) {
				return Optional.empty();
			}
			return Optional.of("%s 遭受灾害，损失 %s 元".formatted(signal.occurredOn(), yuan(signal.amount())));
		}
	},

	/** 退保时住院: a household's category standing ended while a member was in hospital in the months before. */
	STANDING_LOST_IN_HOSPITAL {
		@Override
		RuleVersion defaults() {
			return new RuleVersion(this, 0, LocalDate.of(2000, 1, 1), true, Severity.RED, null, null, 3, Set.of());
		}

		@Override
		Set<SignalKind> reads() {
			return EnumSet.of(SignalKind.STANDING_ENDED, SignalKind.HOSPITAL_ADMISSION, SignalKind.MEDICAL_SPENDING);
		}

		@Override
		Map<SignalKind, LocalDate> looksBack(Signal signal, RuleVersion rule) {
			if (signal.kind() != SignalKind.STANDING_ENDED) {
				return Map.of();
			}
			LocalDate from = signal.occurredOn().minusMonths(months(rule));
			return Map.of(SignalKind.HOSPITAL_ADMISSION, from, SignalKind.MEDICAL_SPENDING, from);
		}

		@Override
		Optional<String> hit(Signal signal, List<Signal> history, RuleVersion rule) {
			if (signal.kind() != SignalKind.STANDING_ENDED) {
				return Optional.empty();
			}
			int months = months(rule);
			LocalDate from = signal.occurredOn().minusMonths(months);
			boolean hospital = history.stream()
				.anyMatch(earlier -> (earlier.kind() == SignalKind.HOSPITAL_ADMISSION
						|| earlier.kind() == SignalKind.MEDICAL_SPENDING) && !earlier.occurredOn().isBefore(from));
			if (!hospital) {
				return Optional.empty();
			}
			return Optional.of("%s 救助资格终止，家庭成员 %d 个月内住院".formatted(signal.occurredOn(), months));
		}

		private static int months(RuleVersion rule) {
			return rule.months() == null ? 3 : rule.months();
		}
	};

	/**
	 * @return the hardship cause of the help request a confirmed warning opens
	 */
	String cause() {
		return switch (this) {
			case MEDICAL_SPENDING, STANDING_LOST_IN_HOSPITAL -> "MEDICAL_SPENDING";
			case DISASTER_DAMAGE -> "NATURAL_DISASTER";
			case REPEATED_HARDSHIP -> "OTHER";
		};
	}

	/**
	 * @return the platform's default version, which a county without its own uses
	 */
	abstract RuleVersion defaults();

	/**
	 * @return the kinds of signal the rule reads, those it judges and those it looks back at: signals of other kinds
	 *     neither hit it nor change its hits, so its dry run reads only these
	 */
	abstract Set<SignalKind> reads();

	/**
	 * @return what the rule reads of the household's signals to judge this one: by kind, the first day it looks at
	 *     (the judge never reads further back than {@link SignalJudge#LOOK_BACK_MONTHS}); empty when the signal
	 *     cannot hit the rule or the rule reads no history for it. A household's signals outside these neither hit
	 *     the rule nor change its hit, so the judge reads only these for a new signal.
	 */
	abstract Map<SignalKind, LocalDate> looksBack(Signal signal, RuleVersion rule);

	/**
	 * @param signal the new signal
	 * @param history the household's signals received before it, on or before its day, and the signal itself
	 * @param rule the version in force
	 * @return the reason, in one sentence, when the rule hits
	 */
	abstract Optional<String> hit(Signal signal, List<Signal> history, RuleVersion rule);

	/**
	 * @return the period a hit belongs to: the household is warned once per rule and period
	 */
	static String period(Signal signal) {
		return Integer.toString(signal.occurredOn().getYear());
	}

	static String yuan(BigDecimal amount) {
		return YUAN.get().format(amount);
	}

	/** One format per thread: building it costs more than formatting (a dry run formats every hit). */
	private static final ThreadLocal<DecimalFormat> YUAN = ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.##"));

	private static String nameOf(SignalKind kind) {
		return switch (kind) {
			case MEDICAL_SPENDING -> "医疗自付";
			case HOSPITAL_ADMISSION -> "住院";
			case DISABILITY_REGISTERED -> "残疾登记";
			case UNEMPLOYMENT_REGISTERED -> "失业登记";
			case DEATH -> "家庭成员死亡";
			case DISASTER_DAMAGE -> "灾害损失";
			case SCHOOL_DROPOUT -> "辍学";
			case ARREARS -> "大额欠费";
			case STANDING_ENDED -> "救助资格终止";
			case HOUSEHOLD_INCOME -> "收入核定";
			case CASE_CLOSED_WITHOUT_AID -> "求助未获救助";
		};
	}

	static @Nullable RuleCode parse(@Nullable String given) {
		if (given == null) {
			return null;
		}
		for (RuleCode rule : values()) {
			if (rule.name().equals(given.strip())) {
				return rule;
			}
		}
		return null;
	}

}
