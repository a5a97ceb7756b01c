package org.jijinan.intake;

/**
 * Who reported the request, in relation to the person concerned.
 */
public enum ReporterRelation {

	/** 本人. */
	SELF,
	/** 亲属. */
	RELATIVE,
	/** 村（社区）工作人员. */
	VILLAGE_WORKER,
	/** 邻居. */
	NEIGHBOUR,
	/** 其他部门. */
	DEPARTMENT,
	/** 其他. */
	OTHER

}
