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
 * The settlement engine's promises over generated rules, bills and earlier admissions: the parts add up to the bill,
 * no part is negative, no payer goes over its yearly cap, a larger bill never lowers what the patient pays, and a
 * later admission in the same year builds on the earlier one.
 */
class SettlementEngineProperties {

	@Property(tries = 2000)
	void partsAddUpAndNoneIsNegative(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill bill,
			@ForAll("bills") Bill earlier) {
		YearToDate before = SettlementEngine.settle(rules, earlier, YearToDate.NONE).after();

		Split split = SettlementEngine.settle(rules, bill, before);

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
			year = SettlementEngine.settle(rules, bill, year).after();
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
		YearToDate before = SettlementEngine.settle(rules, earlier, YearToDate.NONE).after();
		Bill larger = new Bill(bill.inPolicy().add(BigDecimal.valueOf(more, 2)), bill.outOfPolicy(), bill.level(),
				bill.patientClass());

		assertThat(SettlementEngine.settle(rules, larger, before).patient())
			.isGreaterThanOrEqualTo(SettlementEngine.settle(rules, bill, before).patient());
	}

	@Property(tries = 1000)
	void aLaterAdmissionSeesTheEarlierOne(@ForAll("rules") MedicalRules rules, @ForAll("bills") Bill earlier,
			@ForAll("bills") Bill later) {
		Split first = SettlementEngine.settle(rules, earlier, YearToDate.NONE);
		Split withHistory = SettlementEngine.settle(rules, later, first.after());
		Split alone = SettlementEngine.settle(rules, later, YearToDate.NONE);

		assertThat(first.after().basicPaid().add(withHistory.basic())).isEqualByComparingTo(withHistory.after().basicPaid());
		assertThat(withHistory.basic()).isLessThanOrEqualTo(alone.basic());
		assertThat(withHistory.after().criticalBase())
			.isEqualByComparingTo(first.after().criticalBase().add(later.inPolicy().subtract(withHistory.basic())));
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
