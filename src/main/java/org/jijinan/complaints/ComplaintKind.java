package org.jijinan.complaints;

/**
 * What a complaint is about, in the four groups Order 649 and the pilot plan name: a decision, an official's
 * conduct, suspected fraud, the quality of service.
 */
public enum ComplaintKind {

	/** 不予救助或不予受理. */
	DECISION_REFUSED(Group.DECISION),
	/** 救助金额不合理. */
	DECISION_AMOUNT(Group.DECISION),
	/** 办理拖延. */
	DECISION_DELAYED(Group.DECISION),
	/** 不受理、推诿. */
	CONDUCT_REFUSED_TO_ACCEPT(Group.CONDUCT),
	/** 索要钱物. */
	CONDUCT_ASKED_FOR_MONEY(Group.CONDUCT),
	/** 态度恶劣. */
	CONDUCT_RUDE(Group.CONDUCT),
	/** 泄露个人信息. */
	CONDUCT_LEAKED_DATA(Group.CONDUCT),
	/** 举报骗取救助. */
	FRAUD(Group.FRAUD),
	/** 服务质量. */
	SERVICE_QUALITY(Group.SERVICE);

	private final Group group;

	ComplaintKind(Group group) {
		this.group = group;
	}

	/**
	 * @return the group the kind belongs to
	 */
	public Group group() {
		return group;
	}

	/**
	 * The groups of kinds.
	 */
	public enum Group {

		/** 对救助决定有异议. */
		DECISION,
		/** 工作人员作风. */
		CONDUCT,
		/** 举报骗保骗助. */
		FRAUD,
		/** 服务质量. */
		SERVICE

	}

}
