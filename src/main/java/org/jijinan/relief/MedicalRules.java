package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jijinan.shared.RuleViolation;

/**
 * One version of the medical rules of a year (basic medical insurance, critical-illness insurance, medical
 * assistance), as a county sets them. Checked when made: ratios between 0 and 1, no negative amount, tiers in
 * ascending order, a rule for every hospital level and patient class.
 *
 * @param version names this set of rules; every settlement records it
 * @param year the year the rules apply to
 * @param basic basic insurance per hospital level: deductible per admission and ratio
 * @param basicYearlyCap what basic insurance pays a person in a year at most
 * @param critical critical-illness insurance
 * @param assistance medical assistance per patient class
 */
public record MedicalRules(String version, int year, Map<HospitalLevel, Share> basic, BigDecimal basicYearlyCap,
		Critical critical, Map<PatientClass, Share> assistance) {

	public MedicalRules {
		require(basic != null && assistance != null && critical != null && basicYearlyCap != null);
		basic = Map.copyOf(basic);
		assistance = Map.copyOf(assistance);
		for (HospitalLevel level : HospitalLevel.values()) {
			require(basic.containsKey(level));
		}
		for (PatientClass patientClass : PatientClass.values()) {
			require(assistance.containsKey(patientClass));
		}
		checkAmount(basicYearlyCap);
	}

	static void require(boolean valid) {
		if (!valid) {
			throw new RuleViolation("relief.medical-rules-invalid");
		}
	}

	static void checkRatio(BigDecimal ratio) {
		require(ratio != null && ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0);
	}

	/** Amounts are whole fen, so every share of a fen-aligned bill stays within what reaches the payer. */
	static void checkAmount(BigDecimal amount) {
		require(amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2);
	}

	/**
	 * What one scheme pays: nothing below the deductible, then the ratio of the rest, up to the yearly cap.
	 *
	 * @param deductible 起付线
	 * @param ratio 报销（救助）比例
	 * @param yearlyCap 年度限额 (ignored for basic insurance, whose cap is per year for all levels)
	 */
	public record Share(BigDecimal deductible, BigDecimal ratio, BigDecimal yearlyCap) {

		public Share {
			checkAmount(deductible);
			checkAmount(yearlyCap);
			checkRatio(ratio);
		}

	}

	/**
	 * Critical-illness insurance: a yearly deductible on what a person paid themselves within the policy, then
	 * tiered ratios on the amount above it, up to a yearly cap.
	 *
	 * @param deductible the yearly deductible
	 * @param tiers ratios by the amount above the deductible, in ascending order of their upper bound
	 * @param yearlyCap what it pays a person in a year at most
	 */
	public record Critical(BigDecimal deductible, List<Tier> tiers, BigDecimal yearlyCap) {

		public Critical {
			require(tiers != null);
			tiers = List.copyOf(tiers);
			checkAmount(deductible);
			checkAmount(yearlyCap);
			require(!tiers.isEmpty());
			for (int i = 1; i < tiers.size(); i++) {
				require(tiers.get(i - 1).upTo() != null && (tiers.get(i).upTo() == null
						|| tiers.get(i).upTo().compareTo(tiers.get(i - 1).upTo()) > 0));
			}
		}

	}

	/**
	 * One tier of critical-illness insurance.
	 *
	 * @param upTo the upper bound of the amount above the deductible this ratio applies to; {@code null} for the last
	 * @param ratio the ratio
	 */
	public record Tier(@org.jspecify.annotations.Nullable BigDecimal upTo, BigDecimal ratio) {

		public Tier {
			require(upTo == null || upTo.signum() > 0);
			if (upTo != null) {
				checkAmount(upTo);
			}
			checkRatio(ratio);
		}

	}

}
