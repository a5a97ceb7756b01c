package org.jijinan.relief;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human numbers for relief documents, per kind and year: payment orders {@code ZF-2026-000123} and emergency grant
 * vouchers {@code XJ-2026-000045}. The year is the creation date's year in China. The number is drawn in the
 * creating transaction from one counter row per kind and year: a second creation at the same moment waits for the
 * row, so no two documents share a number, and a creation that rolls back gives its number back.
 */
@Component
class DocumentNumbers {

	/** 支付指令. */
	static final String PAYMENT_ORDER = "ZF";

	/** 先行救助凭证. */
	static final String EMERGENCY_VOUCHER = "XJ";

	/** 追回单. */
	static final String RECOVERY = "ZH";

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the next number of that kind for the year of {@code at}, inside the caller's transaction
	 */
	String next(String kind, Instant at) {
		int year = at.atZone(AssistanceChain.CHINA).getYear();
		int last = jdbc.sql("""
				insert into relief_document_counter (kind, year, last) values (:kind, :year, 1)
				on conflict (kind, year) do update set last = relief_document_counter.last + 1
				returning last""")
			.param("kind", kind)
			.param("year", year)
			.query(Integer.class)
			.single();
		return "%s-%d-%06d".formatted(kind, year, last);
	}

}
