package org.jijinan.identity;

import java.util.EnumSet;
import java.util.Set;

import org.jijinan.region.DivisionLevel;

/**
 * The kinds of organisation unit the platform serves, where each sits in the region tree, whether it sees a region
 * subtree or only what is referred to it, and which roles its staff may hold.
 */
public enum UnitKind {

	/** 县民政局. */
	COUNTY_CIVIL_AFFAIRS(DivisionLevel.COUNTY, true, EnumSet.of(Role.COUNTY_REVIEWER, Role.COUNTY_APPROVER,
			Role.LEADER, Role.ADMINISTRATOR, Role.HOTLINE_OPERATOR)),
	/** 乡镇人民政府. */
	TOWNSHIP_GOVERNMENT(DivisionLevel.TOWNSHIP, true, EnumSet.of(Role.WINDOW_CLERK, Role.TOWNSHIP_REVIEWER,
			Role.TOWNSHIP_APPROVER, Role.VILLAGE_REPORTER, Role.ADMINISTRATOR)),
	/** 村（居）民委员会. */
	VILLAGE_COMMITTEE(DivisionLevel.VILLAGE, true, EnumSet.of(Role.VILLAGE_REPORTER)),
	/** 12349 社会救助热线中心. */
	HOTLINE_CENTRE(DivisionLevel.COUNTY, true, EnumSet.of(Role.HOTLINE_OPERATOR)),
	/** 督查督办机构 (county government office). */
	SUPERVISION_OFFICE(DivisionLevel.COUNTY, true, EnumSet.of(Role.SUPERVISOR, Role.LEADER)),
	/** 卫生健康（卫生计生）部门. */
	HEALTH_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 教育部门. */
	EDUCATION_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 住房和城乡建设部门. */
	HOUSING_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 人力资源和社会保障部门. */
	HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 医疗保障部门. */
	MEDICAL_SECURITY_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 残疾人联合会. */
	DISABLED_PERSONS_FEDERATION(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 应急管理部门: relief for people hit by disasters (受灾人员救助). */
	EMERGENCY_MANAGEMENT_DEPARTMENT(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 定点医疗机构: settles patients' bills at discharge (一站式结算). */
	HOSPITAL(DivisionLevel.COUNTY, false, EnumSet.of(Role.DEPARTMENT_OFFICER)),
	/** 慈善组织. */
	CHARITY(DivisionLevel.COUNTY, false, EnumSet.of(Role.CHARITY_OFFICER)),
	/** 社会工作服务机构. */
	SOCIAL_WORK_AGENCY(DivisionLevel.COUNTY, false, EnumSet.of(Role.SOCIAL_WORKER));

	private final DivisionLevel level;

	private final boolean regionScoped;

	private final Set<Role> roles;

	UnitKind(DivisionLevel level, boolean regionScoped, Set<Role> roles) {
		this.level = level;
		this.regionScoped = regionScoped;
		this.roles = roles;
	}

	/**
	 * @return the government departments that share rosters and report the assistance they give
	 */
	public static Set<UnitKind> departments() {
		return EnumSet.of(HEALTH_DEPARTMENT, EDUCATION_DEPARTMENT, HOUSING_DEPARTMENT,
				HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT, MEDICAL_SECURITY_DEPARTMENT, DISABLED_PERSONS_FEDERATION,
				EMERGENCY_MANAGEMENT_DEPARTMENT);
	}

	/**
	 * @return the level of the division such a unit is attached to
	 */
	public DivisionLevel level() {
		return level;
	}

	/**
	 * @return whether staff of such a unit see the region subtree of their unit; otherwise they see only what was
	 * referred to their organisation
	 */
	public boolean regionScoped() {
		return regionScoped;
	}

	/**
	 * @param role a role
	 * @return whether staff of such a unit may hold it
	 */
	public boolean admits(Role role) {
		return roles.contains(role);
	}

}
