package org.jijinan.people;

import java.time.Clock;
import java.time.LocalDate;

import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.ResidentIdNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people module's front door for persons: register (identified or provisional), identify a provisional person,
 * look up, and reveal a full ID or phone number with an audited purpose.
 */
@Service
@Transactional
public class PersonRegistry {

	private final Persons persons;

	private final PersonalData data;

	private final PeopleScope scope;

	private final PeopleSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final org.jijinan.shared.InputShape shape;

	PersonRegistry(Persons persons, PersonalData data, PeopleScope scope, PeopleSettings settings, Clock clock,
			ApplicationEventPublisher events, org.jijinan.shared.InputShape shape) {
		this.shape = shape;
		this.persons = persons;
		this.data = data;
		this.scope = scope;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Registers a person; without an ID number, a provisional person (name, phone and village required).
	 * @throws Conflict {@code people.id-number-registered} when the number is in the registry already
	 */
	public PersonView register(NewPerson spec, Caller caller) {
		shape.check(spec);
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		Residence residence = scope.residence(spec.residence(), caller);
		@Nullable Sealed phone = spec.phone() == null || spec.phone().isBlank() ? null
				: data.seal(PhoneNumber.parse(spec.phone()));
		if (spec.idNumber() == null || spec.idNumber().isBlank()) {
			if (phone == null) {
				throw new InvalidInput("people.provisional-needs-phone");
			}
			return persons.save(Person.provisional(spec, phone, residence, today())).view();
		}
		ResidentIdNumber number = ResidentIdNumber.parse(spec.idNumber());
		Sealed sealed = data.seal(number);
		persons.findByIdNumberHash(sealed.hash()).ifPresent(existing -> {
			throw new Conflict("people.id-number-registered", existing.id());
		});
		return persons.save(Person.identified(spec, number, sealed, phone, residence, today())).view();
	}

	/**
	 * @param idNumber an ID number someone gave
	 * @return the person in the registry who holds it, in any area
	 * @throws InvalidInput when it is not a valid ID number
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<PersonId> holderOf(String idNumber) {
		return persons.findByIdNumberHash(data.seal(ResidentIdNumber.parse(idNumber)).hash()).map(Person::id);
	}

	/**
	 * @return whether the caller may register persons
	 */
	public boolean mayRegister(Caller caller) {
		return caller.roles().stream().anyMatch(settings.registerRoles()::contains);
	}

	/**
	 * A provisional person's ID number is now known: they become identified, or, if someone holds that number
	 * already, their record is linked to that person.
	 * @return the identified person
	 */
	public PersonView identify(PersonId provisionalId, String idNumber, Caller caller) {
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		Person provisional = visible(provisionalId, caller);
		ResidentIdNumber number = ResidentIdNumber.parse(idNumber);
		Sealed sealed = data.seal(number);
		var registered = persons.findByIdNumberHash(sealed.hash());
		if (registered.isPresent()) {
			provisional.supersedeBy(registered.get().id());
			persons.save(provisional);
			return registered.get().view();
		}
		provisional.identify(number, sealed, today());
		return persons.save(provisional).view();
	}

	/**
	 * @return the person, masked
	 */
	@Transactional(readOnly = true)
	public PersonView find(PersonId id, Caller caller) {
		return visible(id, caller).view();
	}

	/**
	 * For workflows of the platform itself (a case opened from an accepted request): the person's name, which staff
	 * of the case and the units it is referred to need to act. Nothing else about the person.
	 * @return the name, if the person exists
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> nameOf(PersonId id) {
		return persons.findById(id).map(Person::name);
	}

	/**
	 * Shows one full value to a role that may see it and records who saw it and why.
	 * @param purpose why the viewer needs it (4–200 characters)
	 * @return the full value
	 */
	public String reveal(PersonId id, RevealableField field, String purpose, Caller caller) {
		PeopleScope.requireRole(caller, settings.revealRoles(), "people.reveal-not-allowed");
		String reason = purpose == null ? "" : purpose.strip();
		if (reason.codePointCount(0, reason.length()) < 4 || reason.length() > 200) {
			throw new InvalidInput("people.reveal-purpose-required");
		}
		Person person = visible(id, caller);
		String sealed = field == RevealableField.ID_NUMBER ? person.idNumberSealed() : person.phoneSealed();
		if (sealed == null) {
			throw new NotFound("people.value-not-recorded");
		}
		events.publishEvent(new PersonalDataRevealed(id, field, reason));
		return field == RevealableField.ID_NUMBER ? data.openIdNumber(sealed).value() : data.openPhone(sealed).value();
	}

	Person visible(PersonId id, Caller caller) {
		Person person = persons.findById(id).orElseThrow(() -> new NotFound("people.person-not-found"));
		scope.requireVisible(person, caller);
		return person;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
