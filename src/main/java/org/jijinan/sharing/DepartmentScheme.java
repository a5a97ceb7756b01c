package org.jijinan.sharing;

import java.util.Optional;

import org.jijinan.identity.UnitKind;

/**
 * The assistance a department gives and reports back (部门救助), each reported only by the kind of unit that gives it.
 */
public enum DepartmentScheme {

	/** 教育资助: school fees waived, living subsidies for pupils. */
	EDUCATION_SUBSIDY(UnitKind.EDUCATION_DEPARTMENT),
	/** 住房救助、危房改造. */
	HOUSING_REPAIR(UnitKind.HOUSING_DEPARTMENT),
	/** 就业援助、公益性岗位. */
	EMPLOYMENT_AID(UnitKind.HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT),
	/** 参保资助: basic medical-insurance premiums paid for the person. */
	INSURANCE_PREMIUM_SUBSIDY(UnitKind.MEDICAL_SECURITY_DEPARTMENT),
	/** 疾病应急救助. */
	DISEASE_EMERGENCY_AID(UnitKind.HEALTH_DEPARTMENT),
	/** 残疾人帮扶. */
	DISABILITY_AID(UnitKind.DISABLED_PERSONS_FEDERATION),
	/** 受灾人员救助. */
	DISASTER_RELIEF(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT);

	private final UnitKind giver;

	DepartmentScheme(UnitKind giver) {
		this.giver = giver;
	}

	/**
	 * @return whether a unit of this kind gives such assistance
	 */
	boolean givenBy(UnitKind kind) {
		return giver == kind;
	}

	static Optional<DepartmentScheme> parse(String code) {
		for (DepartmentScheme scheme : values()) {
			if (scheme.name().equals(code)) {
				return Optional.of(scheme);
			}
		}
		return Optional.empty();
	}

}
