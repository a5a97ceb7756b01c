package org.jijinan.identity;

import java.time.Duration;

/**
 * What a staff member does on the platform (see the "who uses it" table of the requirements). Approvers log out
 * sooner when idle.
 */
public enum Role {

	/** 村/社区社会救助员、驻村干部、志愿者: discovers and reports people in crisis. */
	VILLAGE_REPORTER(false),
	/** 乡镇受理窗口: receives every request at one window; first-contact owner. */
	WINDOW_CLERK(false),
	/** 12349 热线接线员. */
	HOTLINE_OPERATOR(false),
	/** 乡镇审核. */
	TOWNSHIP_REVIEWER(false),
	/** 乡镇审批 (small and urgent aid). */
	TOWNSHIP_APPROVER(true),
	/** 县民政局审核. */
	COUNTY_REVIEWER(false),
	/** 县民政局审批. */
	COUNTY_APPROVER(true),
	/** 部门经办人 (health, education, housing, HR and social security, medical security …). */
	DEPARTMENT_OFFICER(false),
	/** 慈善组织工作人员. */
	CHARITY_OFFICER(false),
	/** 社会工作者. */
	SOCIAL_WORKER(false),
	/** 督办人员. */
	SUPERVISOR(false),
	/** 领导、分析人员: dashboards and evaluation. */
	LEADER(false),
	/** 系统管理员: units, accounts, regions; scoped to the administrator's own unit's region. */
	ADMINISTRATOR(false);

	private final boolean approver;

	Role(boolean approver) {
		this.approver = approver;
	}

	/**
	 * @param standard idle timeout for most staff
	 * @param approvers idle timeout for approval roles
	 * @return how long a session of someone holding this role may stay idle
	 */
	Duration idleTimeout(Duration standard, Duration approvers) {
		return approver ? approvers : standard;
	}

	/**
	 * @return the Spring Security authority for the role
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
