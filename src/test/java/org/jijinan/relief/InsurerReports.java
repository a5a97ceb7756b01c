package org.jijinan.relief;

import java.util.concurrent.atomic.AtomicLong;

import org.jijinan.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bills as the hospital window sends them after the insurers settled, for tests whose subject is not the insurers'
 * payments: the insurers paid what the county's parameters estimate (the pre-settlement's figures).
 */
public final class InsurerReports {

	private static final AtomicLong REFERENCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private InsurerReports() {
	}

	/**
	 * @return the bill with basic and critical-illness insurance paying what the pre-settlement of it says
	 */
	public static String asEstimated(Visitor hospital, String bill) {
		Visitor.Page estimate = hospital.json("POST", "/api/v1/medical-presettlements", bill);
		assertThat(estimate.status()).as(estimate.body()).isEqualTo(200);
		return paid(bill, figure(estimate.body(), "basic"), figure(estimate.body(), "critical"));
	}

	/**
	 * @return the bill with what basic and critical-illness insurance paid and their settlement numbers
	 */
	public static String paid(String bill, String basic, String critical) {
		return bill.strip().replaceFirst("}$", ", \"basicPaid\": %s, \"basicReference\": \"JB-%d\", \"criticalPaid\": %s, \"criticalReference\": \"DB-%d\"}"
			.formatted(basic, REFERENCES.incrementAndGet(), critical, REFERENCES.incrementAndGet()));
	}

	private static String figure(String body, String name) {
		return body.replaceAll("(?s).*\"" + name + "\":([0-9.]+).*", "$1");
	}

}
