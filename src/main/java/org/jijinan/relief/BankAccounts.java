package org.jijinan.relief;

import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

/**
 * Payees' bank account numbers: 12 to 30 digits (spaces and hyphens as typed are dropped), sealed at rest under their
 * own purpose, shown only as {@code 6228 **** **** 5678}.
 */
final class BankAccounts {

	static final String PURPOSE = "relief.payee-account";

	private BankAccounts() {
	}

	/**
	 * @return the account number as digits only
	 * @throws InvalidInput {@code relief.account-invalid} when it is not 12 to 30 digits
	 */
	static String digits(@Nullable String typed) {
		String number = typed == null ? "" : typed.replaceAll("[\\s-]", "");
		if (!number.matches("[0-9]{12,30}")) {
			throw new InvalidInput("relief.account-invalid");
		}
		return number;
	}

	static String masked(String digits) {
		return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
	}

	static String sealed(String digits, Sealer sealer) {
		return sealer.seal(digits, PURPOSE);
	}

	static String opened(String sealed, Sealer sealer) {
		return sealer.open(sealed, PURPOSE);
	}

}
