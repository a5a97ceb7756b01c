package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.RuleViolation;

/**
 * One-stop medical settlement (一站式结算): splits a bill between basic insurance, critical-illness insurance, medical
 * assistance and the patient, in that order, under one version of the rules and what the person used earlier in the
 * year. A pure function: the same rules, bill and year to date always give the same split.
 * <p>
 * Every amount is rounded to the fen; the patient's part is what the payers leave, so the parts always add up to the
 * bill. Each payer pays at most a share (≤ 1) of what reaches it, so a larger bill never lowers what the patient
 * pays.
 */
public final class SettlementEngine {

	private SettlementEngine() {
	}

	/**
	 * @return the split, and the person's year to date after it
	 */
	public static Split settle(MedicalRules rules, Bill bill, YearToDate before) {
		MedicalRules.Share basicRule = rules.basic().get(bill.level());
		BigDecimal basic = Money.min(Money.times(Money.positive(bill.inPolicy().subtract(basicRule.deductible())),
				basicRule.ratio()), Money.positive(rules.basicYearlyCap().subtract(before.basicPaid())));
		BigDecimal ownInPolicy = bill.inPolicy().subtract(basic);

		BigDecimal critical = Money.min(tiered(rules.critical(), before.criticalBase(), ownInPolicy),
				Money.positive(rules.critical().yearlyCap().subtract(before.criticalPaid())));
		BigDecimal leftInPolicy = ownInPolicy.subtract(critical);

		MedicalRules.Share assistanceRule = rules.assistance().get(bill.patientClass());
		BigDecimal aboveBefore = Money.positive(before.assistanceBase().subtract(assistanceRule.deductible()));
		BigDecimal aboveAfter = Money.positive(
				before.assistanceBase().add(leftInPolicy).subtract(assistanceRule.deductible()));
		BigDecimal assistance = Money.min(
				Money.times(aboveAfter, assistanceRule.ratio()).subtract(Money.times(aboveBefore, assistanceRule.ratio())),
				Money.positive(assistanceRule.yearlyCap().subtract(before.assistancePaid())));
		if (bill.patientClass() == PatientClass.NONE) {
			assistance = Money.ZERO;
		}

		BigDecimal patient = bill.total().subtract(basic).subtract(critical).subtract(assistance);
		if (patient.signum() < 0) {
			throw new RuleViolation("relief.medical-rules-invalid");
		}
		YearToDate after = new YearToDate(before.basicPaid().add(basic), before.criticalBase().add(ownInPolicy),
				before.criticalPaid().add(critical), before.assistanceBase().add(leftInPolicy),
				before.assistancePaid().add(assistance));
		return new Split(basic, critical, assistance, patient, rules.version(), after);
	}

	/**
	 * What critical-illness insurance owes for the part of the year's own payments that this bill adds: the tiered
	 * amount above the deductible after the bill, less the same before it.
	 */
	private static BigDecimal tiered(MedicalRules.Critical rule, BigDecimal baseBefore, BigDecimal added) {
		BigDecimal before = Money.positive(baseBefore.subtract(rule.deductible()));
		BigDecimal after = Money.positive(baseBefore.add(added).subtract(rule.deductible()));
		return Money.positive(accumulated(rule, after).subtract(accumulated(rule, before)));
	}

	/** The tiered payment on an amount above the deductible, counted from zero. */
	private static BigDecimal accumulated(MedicalRules.Critical rule, BigDecimal amount) {
		BigDecimal paid = Money.ZERO;
		BigDecimal lower = BigDecimal.ZERO;
		for (MedicalRules.Tier tier : rule.tiers()) {
			BigDecimal upper = tier.upTo() == null ? amount : Money.min(tier.upTo(), amount);
			if (upper.compareTo(lower) > 0) {
				paid = paid.add(Money.times(upper.subtract(lower), tier.ratio()));
			}
			if (tier.upTo() == null || amount.compareTo(tier.upTo()) <= 0) {
				break;
			}
			lower = tier.upTo();
		}
		return paid;
	}

}
