package org.jijinan.relief;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Yuan with fen precision: amounts are {@code BigDecimal} with two decimals, products rounded half up to the fen.
 */
final class Money {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	static BigDecimal fen(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal times(BigDecimal amount, BigDecimal ratio) {
		return fen(amount.multiply(ratio));
	}

	static BigDecimal positive(BigDecimal amount) {
		return amount.signum() < 0 ? ZERO : fen(amount);
	}

	static BigDecimal min(BigDecimal a, BigDecimal b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
