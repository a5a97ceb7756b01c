package org.jijinan.supervision;

/**
 * The steps the platform watches, each owed by a person of a unit.
 */
public enum StepKind {

	/** 受理: accept or refuse a request (owed by its first-contact owner and the township). */
	REQUEST_DECISION,
	/** 调查核实: investigate an accepted case up to a proposal. */
	INVESTIGATION,
	/** 审批: decide on a proposal. */
	APPROVAL,
	/** 发放: deliver the aid decided. */
	PAYMENT,
	/** 签收: accept or return a referred task (owed by the receiving unit; the referrer stays responsible). */
	TASK_ACCEPTANCE,
	/** 办结: finish an accepted task. */
	TASK_COMPLETION,
	/** 督办回复: reply to a supervision order. */
	ORDER_REPLY,
	/** 先行救助补办手续: complete the paperwork of emergency aid granted first. */
	EMERGENCY_PAPERWORK,
	/**
	 * 回电: call back a caller who asked for it (owed by the hotline operator who took the call, otherwise the
	 * township's staff; the township is the unit).
	 */
	CALL_BACK,
	/** 预警核实: check a warning raised from data (owed by the village's reporter; the township is the unit). */
	WARNING_CHECK,
	/** 投诉举报签收: acknowledge a complaint (owed by the unit handling it). */
	COMPLAINT_ACKNOWLEDGEMENT,
	/** 投诉举报答复: answer a complaint (owed by the unit handling it, then by whoever acknowledged it). */
	COMPLAINT_ANSWER,
	/**
	 * 试点工作事项: carry out what a pilot meeting decided, the mobilisation, or a township's implementation plan
	 * (owed by its owner; the county or the township is the unit).
	 */
	PILOT_ACTION;

	/**
	 * @param subject the step's subject (a request's number, a task's id …)
	 * @param caseNumber the case it belongs to, if any
	 * @return the page where a step of this kind is done
	 */
	public String pageFor(String subject, @org.jspecify.annotations.Nullable String caseNumber) {
		return switch (this) {
			case REQUEST_DECISION, CALL_BACK -> "/intake/requests/" + subject;
			case TASK_ACCEPTANCE, TASK_COMPLETION -> "/tasks/" + subject;
			case WARNING_CHECK -> "/monitoring/warnings/" + subject;
			case COMPLAINT_ACKNOWLEDGEMENT, COMPLAINT_ANSWER -> "/complaints/" + subject;
			case PILOT_ACTION -> "/pilot/organisation";
			case ORDER_REPLY -> caseNumber == null ? "/supervision/orders" : "/supervision/orders?case=" + caseNumber;
			default -> caseNumber == null ? "/cases" : "/cases/" + caseNumber;
		};
	}

}
