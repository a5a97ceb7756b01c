package org.jijinan.casework;

import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.ProvisionalPersonIdentified;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a provisionally registered person's ID number shows they were registered already, the cases about the
 * provisional record follow them to the registered person and their household, in the same transaction, so that
 * the case's later aid and the duplicate check see the whole household.
 */
@Component
class IdentifiedPersons {

	private final Cases cases;

	private final HouseholdRegister households;

	IdentifiedPersons(Cases cases, HouseholdRegister households) {
		this.cases = cases;
		this.households = households;
	}

	@EventListener
	void on(ProvisionalPersonIdentified identified) {
		if (identified.provisionalId().equals(identified.person())) {
			return;
		}
		var household = households.currentHouseholdOf(identified.person()).map(HouseholdId::value).orElse(null);
		for (Case about : cases.findAllAbout(identified.provisionalId().value())) {
			if (about.followIdentified(identified.provisionalId().value(), identified.person().value(), household)) {
				cases.save(about);
			}
		}
	}

}
