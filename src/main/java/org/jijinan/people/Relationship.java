package org.jijinan.people;

/**
 * A member's relationship to the head of the household (与户主关系).
 */
public enum Relationship {

	/** 户主. */
	HEAD,
	/** 配偶. */
	SPOUSE,
	/** 子女. */
	CHILD,
	/** 父母. */
	PARENT,
	/** 祖父母、外祖父母. */
	GRANDPARENT,
	/** 孙子女、外孙子女. */
	GRANDCHILD,
	/** 兄弟姐妹. */
	SIBLING,
	/** 其他亲属. */
	OTHER_RELATIVE,
	/** 非亲属. */
	NON_RELATIVE

}
