package org.jijinan.people;

import java.util.List;

import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;

import org.springframework.stereotype.Component;

/**
 * Seals ID and phone numbers for storage and opens them for an audited reveal. The purpose names keep a sealed ID
 * number from being opened as a phone number and the keyed hashes of the two kinds apart.
 */
@Component
class PersonalData implements SealedColumns {

	static final String ID_NUMBER = "people.id-number";

	static final String PHONE = "people.phone";

	private final Sealer sealer;

	PersonalData(Sealer sealer) {
		this.sealer = sealer;
	}

	Sealed seal(ResidentIdNumber number) {
		return new Sealed(sealer.seal(number.value(), ID_NUMBER), lookup(number));
	}

	Sealed seal(PhoneNumber phone) {
		return new Sealed(sealer.seal(phone.value(), PHONE), lookup(phone));
	}

	String lookup(ResidentIdNumber number) {
		return sealer.lookupHash(number.value(), ID_NUMBER);
	}

	String lookup(PhoneNumber phone) {
		return sealer.lookupHash(phone.value(), PHONE);
	}

	ResidentIdNumber openIdNumber(String ciphertext) {
		return new ResidentIdNumber(sealer.open(ciphertext, ID_NUMBER));
	}

	PhoneNumber openPhone(String ciphertext) {
		return new PhoneNumber(sealer.open(ciphertext, PHONE));
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("people_person", "id_number_sealed", ID_NUMBER),
				new Column("people_person", "phone_sealed", PHONE));
	}
}
