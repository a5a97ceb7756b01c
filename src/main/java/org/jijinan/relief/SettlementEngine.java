package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.RuleViolation;

/**
 * One-stop medical settlement (一站式结算): splits a bill between the insurers (basic insurance, critical-illness
 * insurance, any other insurance), medical assistance and the patient, in that order, under one version of the rules
 * and what the person used earlier in the year. At the window the insurers settle first and report what they paid;
 * assistance pays its share of what they left. Before they settle, {@link #estimate} works their part out from the
 * county's parameters (预结算). Pure functions: the same rules, bill, payments and year to date always give the
 * same split.
 * <p>
 * Every amount is rounded to the fen; the patient's part is what the payers leave, so the parts always add up to the
 * bill. Each payer pays at most a share (≤ 1) of what reaches it, so a larger bill never lowers what the patient
 * pays.
 */
public final class SettlementEngine {

	private SettlementEngine() {
	}

	/**
	 * Settles on what the insurers really paid: medical assistance pays its share of what they left within the
	 * policy, and the patient the rest. Insurers' payments that cannot be (the public insurances paying more than the
	 * in-policy costs, all insurers together more than the bill) are refused.
	 *
	 * @return the split, and the person's year to date after it
	 */
	public static Split settle(MedicalRules rules, Bill bill, InsurerPayments paid, YearToDate before) {
		if (paid.publicInsurance().compareTo(bill.inPolicy()) > 0) {
			throw new RuleViolation("relief.insurer-payments-exceed-in-policy", bill.inPolicy().toPlainString());
		}
		if (paid.total().compareTo(bill.total()) > 0) {
			throw new RuleViolation("relief.insurer-payments-exceed-bill", bill.total().toPlainString());
		}
		BigDecimal leftInPolicy = Money.positive(bill.inPolicy().subtract(paid.total()));

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

		BigDecimal patient = bill.total().subtract(paid.total()).subtract(assistance);
		if (patient.signum() < 0) {
			throw new RuleViolation("relief.medical-rules-invalid");
		}
		YearToDate after = new YearToDate(before.basicPaid().add(paid.basic()),
				before.criticalBase().add(bill.inPolicy()).subtract(paid.basic()),
				before.criticalPaid().add(paid.critical()), before.assistanceBase().add(leftInPolicy),
				before.assistancePaid().add(assistance));
		return new Split(paid.basic(), paid.critical(), paid.other(), assistance, patient, rules.version(), after);
	}

	/**
	 * A pre-settlement (预结算): what the insurers would pay under the county's parameters, and the split that would
	 * follow. Only an estimate — the settlement itself takes what the insurers report.
	 */
	public static Split estimate(MedicalRules rules, Bill bill, YearToDate before) {
		return settle(rules, bill, insurers(rules, bill, before), before);
	}

	/**
	 * What basic and critical-illness insurance would pay on the bill by the parameters, in that order.
	 */
	static InsurerPayments insurers(MedicalRules rules, Bill bill, YearToDate before) {
		MedicalRules.Share basicRule = rules.basic().get(bill.level());
		BigDecimal basic = Money.min(Money.times(Money.positive(bill.inPolicy().subtract(basicRule.deductible())),
				basicRule.ratio()), Money.positive(rules.basicYearlyCap().subtract(before.basicPaid())));
		BigDecimal ownInPolicy = bill.inPolicy().subtract(basic);
		BigDecimal critical = Money.min(tiered(rules.critical(), before.criticalBase(), ownInPolicy),
				Money.positive(rules.critical().yearlyCap().subtract(before.criticalPaid())));
		return new InsurerPayments(basic, critical, Money.ZERO);
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
