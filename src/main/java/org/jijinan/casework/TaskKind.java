package org.jijinan.casework;

/**
 * What a referred task asks of the receiving unit.
 */
public enum TaskKind {

	/** 核实: check facts (residence, schooling, employment, insurance …). */
	VERIFY,
	/** 部门救助: the department's own assistance (education subsidy, housing repair, employment aid …). */
	DEPARTMENT_ASSISTANCE,
	/** 服务: social-work services. */
	SERVICE,
	/** 慈善帮扶: help from a charity. */
	CHARITY_HELP,
	/** 其他. */
	OTHER

}
