package org.jijinan.relief;

/**
 * The medical-assistance class of a patient, each with its own deductible, ratio and yearly cap.
 */
public enum PatientClass {

	/** 一类：特困人员、孤儿. */
	CLASS_1,
	/** 二类：低保对象、返贫致贫人口. */
	CLASS_2,
	/** 三类：低保边缘、监测对象. */
	CLASS_3,
	/** 四类：因病致贫重病患者. */
	CLASS_4,
	/** 不属于医疗救助对象. */
	NONE

}
