package org.jijinan.complaints;

import java.util.Optional;

import org.jijinan.intake.FollowedElsewhere;

import org.springframework.stereotype.Component;

/**
 * A complaint's number typed on the public follow-up page opens the complaint's own page.
 */
@Component
class ComplaintNumbersFollowed implements FollowedElsewhere {

	@Override
	public Optional<String> pageFor(String number) {
		return ComplaintNumber.normalised(number) == null ? Optional.empty() : Optional.of("/public/complaints/follow");
	}

}
