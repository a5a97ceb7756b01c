package org.jijinan.intake;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which case an accepted request is handled in. Case management opens or joins the case while the acceptance is
 * being stored and answers here, so that intake can tell whoever accepted a request which case it went to, and
 * whoever reported it how far it has gone, without knowing how cases are kept.
 */
public interface RequestCases {

	/**
	 * @param requestNumber an accepted request's number
	 * @return the number of the case that handles it, once there is one
	 */
	Optional<String> caseOf(String requestNumber);

	/**
	 * @param requestNumbers accepted requests' numbers
	 * @return for each of them that is in a case: the case's number and how it ended, if it has
	 */
	Map<String, CaseProgress> progressOf(Collection<String> requestNumbers);

	/**
	 * How far the case of a request has gone, as far as its reporter is told.
	 *
	 * @param caseNumber the case
	 * @param ending how it ended, or {@code null} while it is handled
	 */
	record CaseProgress(String caseNumber, @Nullable Ending ending) {
	}

	/**
	 * How a case ended.
	 */
	enum Ending {

		/** 已办结. */
		CLOSED,
		/** 已撤回. */
		WITHDRAWN,
		/** 已移交 to the jurisdiction responsible. */
		TRANSFERRED

	}

}
