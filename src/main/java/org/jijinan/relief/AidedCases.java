package org.jijinan.relief;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.jijinan.intake.CaseAid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells intake which cases received aid — emergency aid, an approved grant, medical assistance, a charity's or a
 * department's help: anything in the assistance chain that was not reversed — so that whoever reported the request
 * learns that help was given, and nothing of what or how much.
 */
@Component
class AidedCases implements CaseAid {

	private final JdbcClient jdbc;

	AidedCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> aided(Collection<String> caseNumbers) {
		if (caseNumbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct case_number from relief_assistance
				 where case_number in (:cases) and reversed_at is null""")
			.param("cases", Set.copyOf(caseNumbers))
			.query(String.class)
			.list());
	}

}
