package org.jijinan.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.jijinan.shared.Caller;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: set one up around its head, admit members (moving them out of the household they were in, with
 * history), and show who belongs.
 */
@Service
@Transactional
public class HouseholdRegister {

	private final Households households;

	private final Persons people;

	private final PersonRegistry persons;

	private final PeopleScope scope;

	private final PeopleSettings settings;

	private final Clock clock;

	HouseholdRegister(Households households, Persons people, PersonRegistry persons, PeopleScope scope,
			PeopleSettings settings, Clock clock) {
		this.households = households;
		this.people = people;
		this.persons = persons;
		this.scope = scope;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Sets up a household around its head, who leaves any household they belonged to.
	 */
	public HouseholdView establish(PersonId headId, @Nullable String address, Caller caller) {
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		Person head = member(headId, caller);
		LocalDate today = LocalDate.now(clock);
		leaveCurrent(headId, today);
		Residence residence = new Residence(head.view().residence(), head.residencePath());
		return view(households.save(Household.establish(headId, residence, address, today)), caller);
	}

	/**
	 * Admits a person, who leaves the household they belonged to (today).
	 */
	public HouseholdView admit(HouseholdId id, PersonId personId, Relationship relationship, Caller caller) {
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		Household household = visible(id, caller);
		member(personId, caller);
		LocalDate today = LocalDate.now(clock);
		if (household.currentMembership(personId).isPresent()) {
			throw new RuleViolation("people.already-a-member");
		}
		leaveCurrent(personId, today);
		household.admit(personId, relationship, today);
		return view(households.save(household), caller);
	}

	/**
	 * @return the household with its members
	 */
	@Transactional(readOnly = true)
	public HouseholdView find(HouseholdId id, Caller caller) {
		return view(visible(id, caller), caller);
	}

	/**
	 * @return the household the person belongs to now, if any
	 */
	@Transactional(readOnly = true)
	public Optional<HouseholdView> householdOf(PersonId personId, Caller caller) {
		persons.visible(personId, caller);
		return households.findCurrentOf(personId).map(household -> view(household, caller));
	}

	/**
	 * For workflows of the platform itself (opening a case from an accepted request): which household a person
	 * belongs to now. Gives only the identifier, nothing about the people.
	 * @return the current household's identifier, if the person has one
	 */
	@Transactional(readOnly = true)
	public Optional<HouseholdId> currentHouseholdOf(PersonId personId) {
		return households.findCurrentOf(personId).map(Household::id);
	}

	private void leaveCurrent(PersonId personId, LocalDate today) {
		households.findCurrentOf(personId).ifPresent(previous -> {
			previous.release(personId, today);
			households.save(previous);
		});
	}

	private Person member(PersonId personId, Caller caller) {
		Person person = persons.visible(personId, caller);
		if (person.supersededBy() != null) {
			throw new RuleViolation("people.superseded-person", person.supersededBy());
		}
		return person;
	}

	private Household visible(HouseholdId id, Caller caller) {
		Household household = households.findById(id).orElseThrow(() -> new NotFound("people.household-not-found"));
		if (!household.villagePath().startsWith(scope.pathOf(caller))) {
			throw new org.jijinan.shared.Forbidden("people.out-of-scope");
		}
		return household;
	}

	private HouseholdView view(Household household, Caller caller) {
		scope.pathOf(caller);
		var members = household.history()
			.stream()
			.map(m -> new HouseholdView.Member(m.personId(), people.findById(m.personId()).orElseThrow().name(),
					m.relationship(), m.joinedOn(), m.leftOn()))
			.toList();
		return new HouseholdView(household.id(), household.village(), household.address(), members);
	}

}
