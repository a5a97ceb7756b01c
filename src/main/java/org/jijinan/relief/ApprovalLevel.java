package org.jijinan.relief;

/**
 * Who approves a decision: the township on the county's behalf for small amounts, otherwise the county.
 */
public enum ApprovalLevel {

	/** 乡镇审批（小额，代县审批）. */
	TOWNSHIP,
	/** 县级审批. */
	COUNTY

}
