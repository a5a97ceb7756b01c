package org.jijinan.relief;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which medical-assistance class a patient falls in, from the assistance categories they or their household hold:
 * the most favourable class any of them gives.
 */
final class PatientClasses {

	private static final Map<PatientClass, List<String>> CATEGORIES = Map.of(
			PatientClass.CLASS_1, List.of("EXTREME_POVERTY_SUPPORT", "ORPHAN_OR_UNCARED_CHILD"),
			PatientClass.CLASS_2, List.of("MINIMUM_LIVING_ALLOWANCE"),
			PatientClass.CLASS_3, List.of("LOW_INCOME_MARGINAL", "POVERTY_RETURN_MONITORING"),
			PatientClass.CLASS_4, List.of("ILLNESS_INDUCED_POVERTY"));

	private PatientClasses() {
	}

	static PatientClass of(Set<String> categories) {
		for (PatientClass candidate : PatientClass.values()) {
			if (categories.stream().anyMatch(CATEGORIES.getOrDefault(candidate, List.of())::contains)) {
				return candidate;
			}
		}
		return PatientClass.NONE;
	}

}
