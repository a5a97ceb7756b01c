package org.jijinan.casework;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a case has a household visit every visitor has confirmed: required before an ordinary case goes for a
 * decision (an emergency may be decided first and investigated after).
 */
@Component
class ConfirmedVisits {

	private final JdbcClient jdbc;

	ConfirmedVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exist(UUID caseId) {
		return jdbc.sql("""
				select count(*) from casework_visit visit where visit.case_id = :caseId
				   and not exists (select 1 from casework_visit_visitor v where v.visit_id = visit.id
				                      and v.confirmed_at is null)""")
			.param("caseId", caseId)
			.query(Long.class)
			.single() > 0;
	}

}
