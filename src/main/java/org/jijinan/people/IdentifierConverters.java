package org.jijinan.people;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

/**
 * Stores the module's typed identifiers as UUID columns; also lets path variables bind to them.
 */
final class IdentifierConverters {

	private IdentifierConverters() {
	}

	@Component
	@WritingConverter
	static class PersonIdToUuid implements Converter<PersonId, UUID> {

		@Override
		public UUID convert(PersonId id) {
			return id.value();
		}

	}

	@Component
	@ReadingConverter
	static class UuidToPersonId implements Converter<UUID, PersonId> {

		@Override
		public PersonId convert(UUID value) {
			return new PersonId(value);
		}

	}

	@Component
	@WritingConverter
	static class HouseholdIdToUuid implements Converter<HouseholdId, UUID> {

		@Override
		public UUID convert(HouseholdId id) {
			return id.value();
		}

	}

	@Component
	@ReadingConverter
	static class UuidToHouseholdId implements Converter<UUID, HouseholdId> {

		@Override
		public HouseholdId convert(UUID value) {
			return new HouseholdId(value);
		}

	}

	@Component
	static class TextToPersonId implements Converter<String, PersonId> {

		@Override
		public PersonId convert(String text) {
			return new PersonId(UUID.fromString(text));
		}

	}

	@Component
	static class TextToHouseholdId implements Converter<String, HouseholdId> {

		@Override
		public HouseholdId convert(String text) {
			return new HouseholdId(UUID.fromString(text));
		}

	}

}
