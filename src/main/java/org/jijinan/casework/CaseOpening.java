package org.jijinan.casework;

import java.util.Optional;
import java.util.UUID;

import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.region.RegionDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case when a township accepts a request, or adds the request to the household's open case: one case per
 * household per emergency. Handling the same acceptance twice changes nothing, and two acceptances for one household
 * at once are taken one after the other (a transaction-scoped advisory lock on the household), so they never open
 * two cases.
 */
@Component
class CaseOpening {

	private final Cases cases;

	private final HouseholdRegister households;

	private final PersonRegistry persons;

	private final RegionDirectory regions;

	private final JdbcClient jdbc;

	CaseOpening(Cases cases, HouseholdRegister households, PersonRegistry persons, RegionDirectory regions,
			JdbcClient jdbc) {
		this.cases = cases;
		this.households = households;
		this.persons = persons;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(HelpRequestAccepted accepted) {
		UUID householdId = accepted.personId() == null ? null
				: households.currentHouseholdOf(new PersonId(accepted.personId())).map(HouseholdId::value).orElse(null);
		lockFor(householdId, accepted.personId());
		if (cases.findByRequest(accepted.number()).isPresent()) {
			return;
		}
		Optional<Case> open = householdId != null ? cases.findOpenForHousehold(householdId)
				: accepted.personId() != null ? cases.findOpenForPerson(accepted.personId()) : Optional.empty();
		if (open.isPresent()) {
			Case joined = open.get();
			joined.join(accepted);
			cases.save(joined);
			return;
		}
		long sequence = jdbc.sql("select nextval('casework_case_number_seq')").query(Long.class).single();
		String name = accepted.subjectName() != null || accepted.personId() == null ? accepted.subjectName()
				: persons.nameOf(new PersonId(accepted.personId())).orElse(null);
		cases.save(Case.open(CaseNumber.of(accepted.acceptedAt(), sequence), accepted, householdId, name,
				regions.path(accepted.township())));
	}

	private void lockFor(@Nullable UUID householdId, @Nullable UUID personId) {
		UUID key = householdId != null ? householdId : personId;
		if (key != null) {
			jdbc.sql("select pg_advisory_xact_lock(:high, :low)")
				.param("high", (int) (key.getMostSignificantBits() >>> 32))
				.param("low", (int) key.getLeastSignificantBits())
				.query((row, n) -> 1)
				.list();
		}
	}

}
