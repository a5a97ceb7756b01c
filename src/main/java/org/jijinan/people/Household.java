package org.jijinan.people;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A household (家庭/户): its members over time, exactly one current head while anyone belongs, and the village it
 * lives in. Memberships are never deleted; a member who moves out gets a last day.
 */
@Table("people_household")
class Household extends AbstractAggregateRoot<Household> {

	private final @Id HouseholdId id;

	private final DivisionCode village;

	private final String villagePath;

	private @Nullable String address;

	@MappedCollection(idColumn = "household_id")
	private Set<Membership> members;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Household(HouseholdId id, DivisionCode village, String villagePath, @Nullable String address,
			Set<Membership> members, @Nullable Long version) {
		this.id = id;
		this.village = village;
		this.villagePath = villagePath;
		this.address = address;
		this.members = new HashSet<>(members);
		this.version = version;
	}

	static Household establish(PersonId head, Residence residence, @Nullable String address, LocalDate since) {
		var household = new Household(HouseholdId.random(), residence.village(), residence.path(),
				address == null || address.isBlank() ? null : address.strip(), Set.of(), null);
		household.members.add(new Membership(head, Relationship.HEAD, since, null));
		household.registerEvent(new HouseholdMembershipChanged(household.id, head, Relationship.HEAD, since, true));
		return household;
	}

	void admit(PersonId person, Relationship relationship, LocalDate since) {
		if (currentMembership(person).isPresent()) {
			throw new RuleViolation("people.already-a-member");
		}
		if (relationship == Relationship.HEAD && head().isPresent()) {
			throw new RuleViolation("people.household-has-head");
		}
		members.add(new Membership(person, relationship, since, null));
		registerEvent(new HouseholdMembershipChanged(id, person, relationship, since, true));
	}

	void release(PersonId person, LocalDate on) {
		Membership membership = currentMembership(person)
			.orElseThrow(() -> new RuleViolation("people.not-a-member"));
		if (membership.relationship() == Relationship.HEAD && current().size() > 1) {
			throw new RuleViolation("people.head-cannot-leave");
		}
		if (on.isBefore(membership.joinedOn())) {
			throw new RuleViolation("people.leaves-before-joining");
		}
		members.remove(membership);
		members.add(membership.endedOn(on));
		registerEvent(new HouseholdMembershipChanged(id, person, membership.relationship(), on, false));
	}

	Optional<Membership> currentMembership(PersonId person) {
		return members.stream().filter(m -> m.current() && m.personId().equals(person)).findFirst();
	}

	List<Membership> current() {
		return members.stream().filter(Membership::current).toList();
	}

	List<Membership> history() {
		return members.stream()
			.sorted(Comparator.comparing(Membership::joinedOn).thenComparing(m -> m.relationship().ordinal()))
			.toList();
	}

	private Optional<Membership> head() {
		return members.stream().filter(m -> m.current() && m.relationship() == Relationship.HEAD).findFirst();
	}

	HouseholdId id() {
		return id;
	}

	DivisionCode village() {
		return village;
	}

	String villagePath() {
		return villagePath;
	}

	@Nullable String address() {
		return address;
	}

}
