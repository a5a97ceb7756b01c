package org.jijinan.identity;

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
	static class UnitIdToUuid implements Converter<UnitId, UUID> {

		@Override
		public UUID convert(UnitId id) {
			return id.value();
		}

	}

	@Component
	@ReadingConverter
	static class UuidToUnitId implements Converter<UUID, UnitId> {

		@Override
		public UnitId convert(UUID value) {
			return new UnitId(value);
		}

	}

	@Component
	@WritingConverter
	static class AccountIdToUuid implements Converter<AccountId, UUID> {

		@Override
		public UUID convert(AccountId id) {
			return id.value();
		}

	}

	@Component
	@ReadingConverter
	static class UuidToAccountId implements Converter<UUID, AccountId> {

		@Override
		public AccountId convert(UUID value) {
			return new AccountId(value);
		}

	}

	@Component
	static class TextToUnitId implements Converter<String, UnitId> {

		@Override
		public UnitId convert(String text) {
			return new UnitId(UUID.fromString(text));
		}

	}

	@Component
	static class TextToAccountId implements Converter<String, AccountId> {

		@Override
		public AccountId convert(String text) {
			return new AccountId(UUID.fromString(text));
		}

	}

}
