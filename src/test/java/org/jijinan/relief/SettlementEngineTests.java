package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jijinan.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked examples of the settlement engine with rules of the kind a county sets (example values, not Qinghai's).
 */
class SettlementEngineTests {

	static final MedicalRules EXAMPLE = new MedicalRules("example-2026.1", 2026,
			Map.of(HospitalLevel.PRIMARY, share("200", "0.90", "0"), HospitalLevel.SECONDARY, share("500", "0.80", "0"),
					HospitalLevel.TERTIARY, share("1000", "0.70", "0")),
			new BigDecimal("150000"),
			new MedicalRules.Critical(new BigDecimal("8000"), List.of(new MedicalRules.Tier(new BigDecimal("100000"),
					new BigDecimal("0.60")), new MedicalRules.Tier(null, new BigDecimal("0.70"))), new BigDecimal("300000")),
			Map.of(PatientClass.CLASS_1, share("0", "1.00", "50000"), PatientClass.CLASS_2, share("0", "0.70", "30000"),
					PatientClass.CLASS_3, share("1000", "0.60", "20000"), PatientClass.CLASS_4,
					share("3000", "0.50", "20000"), PatientClass.NONE, share("0", "0", "0")));

	@Test
	void splitsAnAdmissionOfALowIncomePatientAtACountyHospital() {
		Bill bill = new Bill(new BigDecimal("50000.00"), new BigDecimal("3000.00"), HospitalLevel.SECONDARY,
				PatientClass.CLASS_2);

		Split split = SettlementEngine.estimate(EXAMPLE, bill, YearToDate.NONE);

		// basic: (50,000 − 500) × 0.8 = 39,600; own in-policy 10,400; critical: (10,400 − 8,000) × 0.6 = 1,440;
		// left 8,960; assistance: 8,960 × 0.7 = 6,272; patient: 53,000 − 39,600 − 1,440 − 6,272 = 5,688
		assertThat(split.basic()).isEqualByComparingTo("39600.00");
		assertThat(split.critical()).isEqualByComparingTo("1440.00");
		assertThat(split.assistance()).isEqualByComparingTo("6272.00");
		assertThat(split.patient()).isEqualByComparingTo("5688.00");
		assertThat(split.rulesVersion()).isEqualTo("example-2026.1");
	}

	@Test
	void countsTheYearlyDeductiblesOnceAcrossAdmissions() {
		Bill first = new Bill(new BigDecimal("10000.00"), BigDecimal.ZERO, HospitalLevel.TERTIARY, PatientClass.CLASS_3);
		Split earlier = SettlementEngine.estimate(EXAMPLE, first, YearToDate.NONE);
		Split later = SettlementEngine.estimate(EXAMPLE, first, earlier.after());

		// first: basic (10,000 − 1,000) × 0.7 = 6,300; own 3,700 (below the critical deductible); assistance
		// (3,700 − 1,000) × 0.6 = 1,620. Second: own 3,700 more → 7,400 < 8,000: still no critical; assistance on all
		// 3,700 because its deductible was used: 2,220
		assertThat(earlier.assistance()).isEqualByComparingTo("1620.00");
		assertThat(later.critical()).isEqualByComparingTo("0.00");
		assertThat(later.assistance()).isEqualByComparingTo("2220.00");
	}

	@Test
	void paysNothingFromAssistanceForPatientsOutsideItsClasses() {
		Bill bill = new Bill(new BigDecimal("20000.00"), new BigDecimal("500.00"), HospitalLevel.PRIMARY,
				PatientClass.NONE);

		Split split = SettlementEngine.estimate(EXAMPLE, bill, YearToDate.NONE);

		assertThat(split.assistance()).isEqualByComparingTo("0.00");
		assertThat(split.patient()).isEqualByComparingTo(bill.total().subtract(split.basic()).subtract(split.critical()));
	}

	@Test
	void refusesNegativeOrSubFenAmountsAndImpossibleRules() {
		assertThatThrownBy(() -> new Bill(new BigDecimal("-1"), BigDecimal.ZERO, HospitalLevel.PRIMARY,
				PatientClass.NONE)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> new Bill(new BigDecimal("10.001"), BigDecimal.ZERO, HospitalLevel.PRIMARY,
				PatientClass.NONE)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> share("0", "1.5", "0")).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> new MedicalRules.Critical(BigDecimal.ZERO,
				List.of(new MedicalRules.Tier(new BigDecimal("100"), BigDecimal.ONE),
						new MedicalRules.Tier(new BigDecimal("50"), BigDecimal.ONE)),
				BigDecimal.ZERO)).isInstanceOf(RuleViolation.class);
	}

	private static MedicalRules.Share share(String deductible, String ratio, String cap) {
		return new MedicalRules.Share(new BigDecimal(deductible), new BigDecimal(ratio), new BigDecimal(cap));
	}

}
