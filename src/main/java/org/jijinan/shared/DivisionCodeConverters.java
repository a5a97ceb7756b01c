package org.jijinan.shared;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

/**
 * Stores a {@link DivisionCode} as its digits.
 */
final class DivisionCodeConverters {

	private DivisionCodeConverters() {
	}

	@Component
	@WritingConverter
	static class ToText implements Converter<DivisionCode, String> {

		@Override
		public String convert(DivisionCode code) {
			return code.value();
		}

	}

	@Component
	@ReadingConverter
	static class FromText implements Converter<String, DivisionCode> {

		@Override
		public DivisionCode convert(String text) {
			return new DivisionCode(text);
		}

	}

}
