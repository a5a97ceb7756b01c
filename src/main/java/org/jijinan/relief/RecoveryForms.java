package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Amounts as people type them on the recovery forms: {@code 800}, {@code 700.50}, with or without {@code 元}.
 */
final class RecoveryForms {

	private RecoveryForms() {
	}

	static BigDecimal amount(@Nullable String typed) {
		String text = typed == null ? "" : typed.replace("元", "").replace(",", "").replace("，", "").strip();
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException notAnAmount) {
			throw new InvalidInput("relief.amount-invalid");
		}
	}

}
