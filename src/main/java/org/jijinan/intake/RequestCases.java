package org.jijinan.intake;

import java.util.Optional;

/**
 * Which case an accepted request is handled in. Case management opens or joins the case while the acceptance is
 * being stored and answers here, so that intake can tell whoever accepted a request which case it went to without
 * knowing how cases are kept.
 */
public interface RequestCases {

	/**
	 * @param requestNumber an accepted request's number
	 * @return the number of the case that handles it, once there is one
	 */
	Optional<String> caseOf(String requestNumber);

}
