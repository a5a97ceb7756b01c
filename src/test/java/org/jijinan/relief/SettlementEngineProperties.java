package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement engine's promises over generated rules, bills, insurers' payments and earlier admissions: the parts
 * add up to the bill, no part is negative, no payer goes over its yearly cap, a larger bill never lowers what the
 * patient pays, a later admission in the same year builds on the earlier one; assistance pays only on what the
 * insurers left, less when they paid more than the estimate and more when they paid less; and the year to date is
 * the sum of the standing settlements, so reversing one restores the year exactly.
 */
class SettlementEngineProperties {

	@Property(tries = 2000)
	void partsAddUpAndNoneIsNegative(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill bill,
			@ForAll("bills") Bill earlier) {
		YearToDate before = SettlementEngine.estimate(rules, earlier, YearToDate.NONE).after();

		Split split = SettlementEngine.estimate(rules, bill, before);

		assertThat(split.basic().add(split.critical()).add(split.assistance()).add(split.patient()))
			.isEqualByComparingTo(bill.total());
		assertThat(List.of(split.basic(), split.critical(), split.assistance(), split.patient()))
			.allSatisfy(part -> assertThat(part.signum()).isNotNegative());
		assertThat(split.patient()).isGreaterThanOrEqualTo(bill.outOfPolicy());
		assertThat(split.rulesVersion()).isEqualTo(rules.version());
	}

	@Property(tries = 2000)
	void noPayerGoesOverItsYearlyCap(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill first,
			@ForAll("bills") Bill second, @ForAll("bills") Bill third) {
		YearToDate year = YearToDate.NONE;
		for (Bill bill : List.of(first, second, third)) {
			year = SettlementEngine.estimate(rules, bill, year).after();
		}

		assertThat(year.basicPaid()).isLessThanOrEqualTo(rules.basicYearlyCap());
		assertThat(year.criticalPaid()).isLessThanOrEqualTo(rules.critical().yearlyCap());
		BigDecimal classCap = rules.assistance().get(first.patientClass()).yearlyCap();
		if (first.patientClass() == second.patientClass() && second.patientClass() == third.patientClass()) {
			assertThat(year.assistancePaid()).isLessThanOrEqualTo(classCap);
		}
	}

	@Property(tries = 2000)
	void aLargerBillNeverLowersWhatThePatientPays(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill bill,
			@ForAll("cents") long more, @ForAll("bills") Bill earlier) {
		YearToDate before = SettlementEngine.estimate(rules, earlier, YearToDate.NONE).after();
		Bill larger = new Bill(bill.inPolicy().add(BigDecimal.valueOf(more, 2)), bill.outOfPolicy(), bill.level(),
				bill.patientClass());

		assertThat(SettlementEngine.estimate(rules, larger, before).patient())
			.isGreaterThanOrEqualTo(SettlementEngine.estimate(rules, bill, before).patient());
	}

	@Property(tries = 1000)
	void aLaterAdmissionSeesTheEarlierOne(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill earlier,
			@ForAll("bills") Bill later) {
		Split first = SettlementEngine.estimate(rules, earlier, YearToDate.NONE);
		Split withHistory = SettlementEngine.estimate(rules, later, first.after());
		Split alone = SettlementEngine.estimate(rules, later, YearToDate.NONE);

		assertThat(first.after().basicPaid().add(withHistory.basic())).isEqualByComparingTo(withHistory.after().basicPaid());
		assertThat(withHistory.basic()).isLessThanOrEqualTo(alone.basic());
		assertThat(withHistory.after().criticalBase())
			.isEqualByComparingTo(first.after().criticalBase().add(later.inPolicy().subtract(withHistory.basic())));
	}

	@Property(tries = 2000)
	void assistanceFollowsWhatTheInsurersReallyPaid(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill bill,
			@ForAll("bills") Bill earlier, @ForAll("percents") int more, @ForAll("percents") int less) {
		YearToDate before = SettlementEngine.estimate(rules, earlier, YearToDate.NONE).after();
		Split estimate = SettlementEngine.estimate(rules, bill, before);
		BigDecimal room = bill.inPolicy().subtract(estimate.basic()).subtract(estimate.critical());

		Split paidMore = SettlementEngine.settle(rules, bill, new InsurerPayments(
				estimate.basic().add(Money.times(room, percent(more))), estimate.critical(), Money.ZERO), before);
		Split paidLess = SettlementEngine.settle(rules, bill, new InsurerPayments(
				estimate.basic().subtract(Money.times(estimate.basic(), percent(less))), estimate.critical(),
				Money.ZERO), before);

		assertThat(paidMore.assistance()).isLessThanOrEqualTo(estimate.assistance());
		assertThat(paidLess.assistance()).isGreaterThanOrEqualTo(estimate.assistance());
		BigDecimal capLeft = Money.positive(
				rules.assistance().get(bill.patientClass()).yearlyCap().subtract(before.assistancePaid()));
		assertThat(List.of(paidMore.assistance(), estimate.assistance(), paidLess.assistance()))
			.allSatisfy(assistance -> assertThat(assistance).isLessThanOrEqualTo(capLeft));
	}

	@Property(tries = 1000)
	void insurersPayingMoreOrLessThanEstimatedChangeAssistanceWhenThereIsRoom(@ForAll("roomyRules") MedicalRules rules,
			@ForAll("bills") Bill bill, @ForAll("cents") long difference) {
		Bill assisted = new Bill(bill.inPolicy().add(new BigDecimal("10000.00")), bill.outOfPolicy(), bill.level(),
				bill.patientClass() == PatientClass.NONE ? PatientClass.CLASS_1 : bill.patientClass());
		Split estimate = SettlementEngine.estimate(rules, assisted, YearToDate.NONE);
		BigDecimal room = assisted.inPolicy().subtract(estimate.basic()).subtract(estimate.critical());
		BigDecimal moreBy = Money.min(BigDecimal.valueOf(Math.max(1000, difference), 2), room);
		BigDecimal lessBy = Money.min(BigDecimal.valueOf(Math.max(1000, difference), 2), estimate.basic());

		Split paidMore = SettlementEngine.settle(rules, assisted,
				new InsurerPayments(estimate.basic().add(moreBy), estimate.critical(), Money.ZERO), YearToDate.NONE);
		Split paidLess = SettlementEngine.settle(rules, assisted,
				new InsurerPayments(estimate.basic().subtract(lessBy), estimate.critical(), Money.ZERO),
				YearToDate.NONE);

		if (moreBy.compareTo(BigDecimal.TEN) >= 0) {
			assertThat(paidMore.assistance()).isLessThan(estimate.assistance());
		}
		if (lessBy.compareTo(BigDecimal.TEN) >= 0) {
			assertThat(paidLess.assistance()).isGreaterThan(estimate.assistance());
		}
	}

	@Property(tries = 2000)
	void thePatientNeverPaysMoreThanTheInsurersLeftAndAssistancePaysOnlyOnIt(@ForAll("rules") MedicalRules rules,
			@ForAll("bills") Bill bill, @ForAll("bills") Bill earlier, @ForAll("percents") int basic,
			@ForAll("percents") int critical, @ForAll("percents") int other) {
		YearToDate before = SettlementEngine.estimate(rules, earlier, YearToDate.NONE).after();
		InsurerPayments paid = payments(bill, basic, critical, other);

		Split split = SettlementEngine.settle(rules, bill, paid, before);

		BigDecimal left = bill.total().subtract(paid.total());
		BigDecimal leftInPolicy = Money.positive(bill.inPolicy().subtract(paid.total()));
		assertThat(split.patient()).isLessThanOrEqualTo(left).isNotNegative();
		assertThat(split.assistance()).isLessThanOrEqualTo(leftInPolicy).isNotNegative();
		assertThat(split.basic().add(split.critical()).add(split.other()).add(split.assistance()).add(split.patient()))
			.isEqualByComparingTo(bill.total());
		assertThat(split.assistance()).isLessThanOrEqualTo(Money.positive(
				rules.assistance().get(bill.patientClass()).yearlyCap().subtract(before.assistancePaid())));
	}

	@Property(tries = 1000)
	void reversingASettlementRestoresTheYearExactly(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill first,
			@ForAll("bills") Bill second, @ForAll("bills") Bill third, @ForAll("percents") int basic,
			@ForAll("percents") int critical, @ForAll("percents") int other) {
		List<Split> standing = new java.util.ArrayList<>();
		List<Bill> bills = List.of(first, second, third);
		YearToDate year = YearToDate.NONE;
		for (Bill bill : bills) {
			Split split = SettlementEngine.settle(rules, bill, payments(bill, basic, critical, other), year);
			standing.add(split);
			assertThat(split.after()).as("the year is the sum of the standing settlements")
				.isEqualTo(sum(bills.subList(0, standing.size()), standing));
			year = split.after();
		}

		assertThat(sum(bills.subList(0, 2), standing.subList(0, 2))).as("the last reversed")
			.isEqualTo(standing.get(1).after());
		assertThat(sum(bills.subList(0, 1), standing.subList(0, 1))).isEqualTo(standing.get(0).after());
	}

	/** The year to date as the settlement table sums it over the standing settlements. */
	private static YearToDate sum(List<Bill> bills, List<Split> splits) {
		YearToDate year = YearToDate.NONE;
		for (int i = 0; i < splits.size(); i++) {
			Bill bill = bills.get(i);
			Split split = splits.get(i);
			year = new YearToDate(year.basicPaid().add(split.basic()),
					year.criticalBase().add(bill.inPolicy().subtract(split.basic())),
					year.criticalPaid().add(split.critical()),
					year.assistanceBase().add(Money.positive(
							bill.inPolicy().subtract(split.basic()).subtract(split.critical()).subtract(split.other()))),
					year.assistancePaid().add(split.assistance()));
		}
		return year;
	}

	/** Payments that can be: the public insurances within the in-policy costs, everything within the bill. */
	private static InsurerPayments payments(Bill bill, int basic, int critical, int other) {
		BigDecimal basicPaid = Money.times(bill.inPolicy(), percent(basic));
		BigDecimal criticalPaid = Money.times(bill.inPolicy().subtract(basicPaid), percent(critical));
		return new InsurerPayments(basicPaid, criticalPaid,
				Money.times(bill.total().subtract(basicPaid).subtract(criticalPaid), percent(other)));
	}

	private static BigDecimal percent(int percent) {
		return BigDecimal.valueOf(percent, 2);
	}

	@Provide
	Arbitrary<Integer> percents() {
		return Arbitraries.integers().between(0, 100);
	}

	/** Rules whose assistance has no deductible, pays at least 10 % and has a cap above any bill. */
	@Provide
	Arbitrary<MedicalRules> roomyRules() {
		return Combinators.combine(rules(), Arbitraries.integers().between(10, 100))
			.as((rules, percent) -> {
				MedicalRules.Share roomy = new MedicalRules.Share(Money.ZERO, percent(percent),
						new BigDecimal("100000000.00"));
				java.util.Map<PatientClass, MedicalRules.Share> assistance = new java.util.EnumMap<>(PatientClass.class);
				for (PatientClass patientClass : PatientClass.values()) {
					assistance.put(patientClass, roomy);
				}
				return new MedicalRules(rules.version(), rules.year(), rules.basic(), rules.basicYearlyCap(),
						rules.critical(), assistance);
			});
	}

	@Provide
	Arbitrary<Long> cents() {
		return Arbitraries.longs().between(1, 5_000_000);
	}

	@Provide
	Arbitrary<Bill> bills() {
		return Combinators.combine(amounts(30_000_000), amounts(5_000_000), Arbitraries.of(HospitalLevel.class),
				Arbitraries.of(PatientClass.class))
			.as(Bill::new);
	}

	@Provide
	Arbitrary<MedicalRules> rules() {
		Arbitrary<MedicalRules.Share> share = Combinators.combine(amounts(300_000), ratios(), amounts(20_000_000))
			.as(MedicalRules.Share::new);
		Arbitrary<MedicalRules.Critical> critical = Combinators
			.combine(amounts(2_000_000), amounts(10_000_000).filter(bound -> bound.signum() > 0), ratios(), ratios(),
					amounts(50_000_000))
			.as((deductible, bound, lowRatio, highRatio, cap) -> new MedicalRules.Critical(deductible,
					List.of(new MedicalRules.Tier(bound, lowRatio), new MedicalRules.Tier(null, highRatio)), cap));
		return Combinators.combine(share, share, share, amounts(50_000_000), critical, share.list().ofSize(5))
			.as((primary, secondary, tertiary, basicCap, criticalRule, classes) -> new MedicalRules("generated", 2026,
					Map.of(HospitalLevel.PRIMARY, primary, HospitalLevel.SECONDARY, secondary, HospitalLevel.TERTIARY,
							tertiary),
					basicCap, criticalRule,
					Map.of(PatientClass.CLASS_1, classes.get(0), PatientClass.CLASS_2, classes.get(1),
							PatientClass.CLASS_3, classes.get(2), PatientClass.CLASS_4, classes.get(3), PatientClass.NONE,
							classes.get(4))));
	}

	private static Arbitrary<BigDecimal> amounts(long maxCents) {
		return Arbitraries.longs().between(0, maxCents).map(cents -> BigDecimal.valueOf(cents, 2));
	}

	private static Arbitrary<BigDecimal> ratios() {
		return Arbitraries.integers().between(0, 100).map(percent -> BigDecimal.valueOf(percent, 2));
	}

}
