package org.jijinan.people;

import java.time.LocalDate;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.Sex;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person in the registry (人员). Either identified by a validated citizen ID number — birth date and sex then come
 * from it — or provisional (临时登记: name, phone and village only) until the number is known. A provisional person
 * who turns out to be registered already is linked to that record ({@code supersededBy}) and kept, so nothing that
 * pointed at them is lost. The ID and phone numbers are held sealed, with keyed hashes and masked forms.
 */
@Table("people_person")
class Person extends AbstractAggregateRoot<Person> {

	private final @Id PersonId id;

	private String name;

	private @Nullable String idNumberSealed;

	private @Nullable String idNumberHash;

	private @Nullable String idNumberMasked;

	/** The oldest documented people lived about 122 years. */
	private static final int EARLIEST_BIRTH_YEARS_AGO = 130;

	private @Nullable LocalDate birthDate;

	private @Nullable Sex sex;

	private @Nullable Ethnicity ethnicity;

	private @Nullable String phoneSealed;

	private @Nullable String phoneHash;

	private @Nullable String phoneMasked;

	private DivisionCode residence;

	private String residencePath;

	private @Nullable String address;

	private boolean provisional;

	private @Nullable PersonId supersededBy;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Person(PersonId id, String name, @Nullable String idNumberSealed, @Nullable String idNumberHash,
			@Nullable String idNumberMasked, @Nullable LocalDate birthDate, @Nullable Sex sex,
			@Nullable Ethnicity ethnicity, @Nullable String phoneSealed, @Nullable String phoneHash,
			@Nullable String phoneMasked, DivisionCode residence, String residencePath, @Nullable String address,
			boolean provisional, @Nullable PersonId supersededBy, @Nullable Long version) {
		this.id = id;
		this.name = name;
		this.idNumberSealed = idNumberSealed;
		this.idNumberHash = idNumberHash;
		this.idNumberMasked = idNumberMasked;
		this.birthDate = birthDate;
		this.sex = sex;
		this.ethnicity = ethnicity;
		this.phoneSealed = phoneSealed;
		this.phoneHash = phoneHash;
		this.phoneMasked = phoneMasked;
		this.residence = residence;
		this.residencePath = residencePath;
		this.address = address;
		this.provisional = provisional;
		this.supersededBy = supersededBy;
		this.version = version;
	}

	/**
	 * Registers a person identified by their citizen ID number.
	 */
	static Person identified(NewPerson spec, ResidentIdNumber number, Sealed sealedNumber, @Nullable Sealed phone,
			Residence residence, LocalDate today) {
		checkAgreement(spec, number, today);
		var person = new Person(PersonId.random(), name(spec.name()), sealedNumber.ciphertext(), sealedNumber.hash(),
				number.masked(), number.birthDate(), number.sex(), spec.ethnicity(), null, null, null,
				residence.village(), residence.path(), address(spec.address()), false, null, null);
		person.attachPhone(spec.phone(), phone);
		person.registerEvent(new PersonRegistered(person.id, residence.village(), false));
		return person;
	}

	/**
	 * Registers a person whose ID number is not known yet: name, phone and village are required.
	 */
	static Person provisional(NewPerson spec, Sealed phone, Residence residence, LocalDate today) {
		if (spec.phone() == null) {
			throw new InvalidInput("people.provisional-needs-phone");
		}
		checkBirth(spec.birthDate(), today);
		var person = new Person(PersonId.random(), name(spec.name()), null, null, null, spec.birthDate(), spec.sex(),
				spec.ethnicity(), null, null, null, residence.village(), residence.path(), address(spec.address()),
				true, null, null);
		person.attachPhone(spec.phone(), phone);
		person.registerEvent(new PersonRegistered(person.id, residence.village(), true));
		return person;
	}

	/**
	 * The provisional person's ID number is now known and nobody else holds it: they become an identified person,
	 * keeping their record and everything that points at it.
	 */
	void identify(ResidentIdNumber number, Sealed sealedNumber, LocalDate today) {
		requireProvisional();
		checkDeclared(birthDate, sex, number, today);
		this.idNumberSealed = sealedNumber.ciphertext();
		this.idNumberHash = sealedNumber.hash();
		this.idNumberMasked = number.masked();
		this.birthDate = number.birthDate();
		this.sex = number.sex();
		this.provisional = false;
		registerEvent(new ProvisionalPersonIdentified(id, id));
	}

	/**
	 * The provisional person's ID number belongs to a person already registered: this record now points at that one.
	 */
	void supersedeBy(PersonId registered) {
		requireProvisional();
		if (registered.equals(id)) {
			throw new RuleViolation("people.cannot-supersede-self");
		}
		this.supersededBy = registered;
		registerEvent(new ProvisionalPersonIdentified(id, registered));
	}

	private void requireProvisional() {
		if (!provisional || supersededBy != null) {
			throw new RuleViolation("people.not-provisional");
		}
	}

	private void attachPhone(@Nullable String typed, @Nullable Sealed sealed) {
		if (typed == null || sealed == null) {
			return;
		}
		this.phoneSealed = sealed.ciphertext();
		this.phoneHash = sealed.hash();
		this.phoneMasked = PhoneNumber.parse(typed).masked();
	}

	private static void checkAgreement(NewPerson spec, ResidentIdNumber number, LocalDate today) {
		checkDeclared(spec.birthDate(), spec.sex(), number, today);
	}

	private static void checkDeclared(@Nullable LocalDate declaredBirth, @Nullable Sex declaredSex,
			ResidentIdNumber number, LocalDate today) {
		checkBirth(number.birthDate(), today);
		if (declaredBirth != null && !declaredBirth.equals(number.birthDate())) {
			throw new RuleViolation("people.birth-date-disagrees");
		}
		if (declaredSex != null && declaredSex != number.sex()) {
			throw new RuleViolation("people.sex-disagrees");
		}
	}

	/** Nobody is born after today in the county's zone, nor before anyone now living could have been. */
	private static void checkBirth(@Nullable LocalDate birth, LocalDate today) {
		if (birth == null) {
			return;
		}
		if (birth.isAfter(today)) {
			throw new RuleViolation("people.born-in-future");
		}
		if (birth.isBefore(today.minusYears(EARLIEST_BIRTH_YEARS_AGO))) {
			throw new RuleViolation("people.born-too-early", EARLIEST_BIRTH_YEARS_AGO);
		}
	}

	private static String name(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > 50) {
			throw new InvalidInput("people.name-invalid");
		}
		return trimmed;
	}

	private static @Nullable String address(@Nullable String address) {
		return address == null || address.isBlank() ? null : address.strip();
	}

	PersonId id() {
		return id;
	}

	String name() {
		return name;
	}

	@Nullable String idNumberSealed() {
		return idNumberSealed;
	}

	@Nullable String phoneSealed() {
		return phoneSealed;
	}

	String residencePath() {
		return residencePath;
	}

	boolean provisional() {
		return provisional;
	}

	@Nullable PersonId supersededBy() {
		return supersededBy;
	}

	PersonView view() {
		return new PersonView(id, name, idNumberMasked, birthDate, sex, ethnicity, phoneMasked, residence, address,
				provisional, supersededBy);
	}

}
