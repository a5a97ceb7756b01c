package org.jijinan.intake;

import java.time.Instant;
import java.util.List;

/**
 * What an applicant has been told about their request, milestone by milestone: received, accepted or refused,
 * emergency aid granted, decided, paid, closed. The module that tells them keeps it and answers here, so that the
 * public follow-up page shows the same steps as the text messages without intake knowing about aid or payments.
 */
public interface ApplicantProgress {

	/**
	 * @param requestNumber a request's number
	 * @return its milestones, oldest first
	 */
	List<Milestone> of(String requestNumber);

	/**
	 * One step the applicant was told about.
	 *
	 * @param kind what happened
	 * @param at when
	 * @param arguments what the message about it says (amounts, a reason), in order; never a name or number the
	 * applicant did not give, apart from amounts of their own aid
	 */
	record Milestone(Kind kind, Instant at, List<String> arguments) {
	}

	/**
	 * The milestones of a request, as the applicant reads them.
	 */
	enum Kind {

		/** 已登记. */
		RECEIVED,
		/** 已受理. */
		ACCEPTED,
		/** 不予受理. */
		REFUSED,
		/** 先行救助. */
		EMERGENCY_AID,
		/** 审批同意. */
		APPROVED,
		/** 审批不予救助. */
		AID_REFUSED,
		/** 救助金已发放. */
		PAID,
		/** 已办结. */
		CLOSED

	}

}
