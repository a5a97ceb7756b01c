package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the settlement engine (JMH; {@code bench/settlement-engine.sh}, not part of the suite). The
 * baseline in the same run does only the bill's own arithmetic — its total and the in-policy share after a
 * deductible, in {@code BigDecimal} — which any settlement must do at least.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SettlementEngineBenchmark {

	MedicalRules rules;

	Bill[] bills;

	YearToDate[] years;

	int next;

	@Setup
	public void rules() {
		BigDecimal zero = BigDecimal.ZERO;
		rules = new MedicalRules("bench", 2026,
				Map.of(HospitalLevel.PRIMARY, new MedicalRules.Share(new BigDecimal("300"), new BigDecimal("0.85"), zero),
						HospitalLevel.SECONDARY, new MedicalRules.Share(new BigDecimal("600"), new BigDecimal("0.75"), zero),
						HospitalLevel.TERTIARY, new MedicalRules.Share(new BigDecimal("1200"), new BigDecimal("0.65"), zero)),
				new BigDecimal("300000"),
				new MedicalRules.Critical(new BigDecimal("15000"),
						List.of(new MedicalRules.Tier(new BigDecimal("100000"), new BigDecimal("0.60")),
								new MedicalRules.Tier(null, new BigDecimal("0.70"))),
						new BigDecimal("400000")),
				Map.of(PatientClass.CLASS_1, new MedicalRules.Share(zero, BigDecimal.ONE, new BigDecimal("80000")),
						PatientClass.CLASS_2, new MedicalRules.Share(zero, new BigDecimal("0.70"), new BigDecimal("60000")),
						PatientClass.CLASS_3, new MedicalRules.Share(new BigDecimal("3000"), new BigDecimal("0.60"),
								new BigDecimal("50000")),
						PatientClass.CLASS_4, new MedicalRules.Share(new BigDecimal("10000"), new BigDecimal("0.50"),
								new BigDecimal("40000")),
						PatientClass.NONE, new MedicalRules.Share(zero, zero, zero)));
		var random = new java.util.Random(42);
		bills = new Bill[1024];
		years = new YearToDate[1024];
		for (int i = 0; i < bills.length; i++) {
			bills[i] = new Bill(BigDecimal.valueOf(random.nextInt(20_000_000), 2),
					BigDecimal.valueOf(random.nextInt(2_000_000), 2),
					HospitalLevel.values()[random.nextInt(3)], PatientClass.values()[random.nextInt(5)]);
			years[i] = i % 2 == 0 ? YearToDate.NONE : SettlementEngine.estimate(rules, bills[(i + 7) % Math.max(1, i)],
					YearToDate.NONE).after();
		}
	}

	@Benchmark
	public Split settle() {
		int i = next++ & 1023;
		return SettlementEngine.estimate(rules, bills[i], years[i]);
	}

	@Benchmark
	public BigDecimal baselineBillArithmetic() {
		int i = next++ & 1023;
		Bill bill = bills[i];
		return bill.total().add(Money.times(Money.positive(bill.inPolicy().subtract(new BigDecimal("600"))),
				new BigDecimal("0.75")));
	}

}
