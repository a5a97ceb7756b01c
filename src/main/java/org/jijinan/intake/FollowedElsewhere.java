package org.jijinan.intake;

import java.util.Optional;

/**
 * Numbers the public follow-up page takes that are not requests' (a complaint's, for instance): the module that
 * gives such numbers names the page that shows them, and the follow-up page hands the look-up on to it unchanged.
 */
public interface FollowedElsewhere {

	/**
	 * @param number the number as typed
	 * @return the path of the page that answers a {@code POST} of the same form, when the number is one of its own
	 */
	Optional<String> pageFor(String number);

}
