package org.jijinan.relief;

import java.util.List;

import org.jijinan.shared.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where relief keeps payees' bank accounts sealed: on decisions and on payment orders.
 */
@Component
class SealedPayeeAccounts implements SealedColumns {

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("relief_decision", "payee_account", BankAccounts.PURPOSE),
				new Column("relief_payment_order", "payee_account", BankAccounts.PURPOSE));
	}

}
