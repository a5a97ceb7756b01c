package org.jijinan.notify;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jijinan.intake.ApplicantProgress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The milestones each applicant was told about, kept so that the public follow-up page shows what the messages said.
 */
@Component
class ApplicantMilestones implements ApplicantProgress {

	private final JdbcClient jdbc;

	ApplicantMilestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a milestone once per source.
	 * @return whether it is new (a repeated event records nothing and sends nothing)
	 */
	boolean record(String requestNumber, Kind kind, String source, Instant at, List<String> arguments) {
		return jdbc.sql("""
				insert into notify_applicant_milestone (request_number, kind, source, at, arguments)
				values (:number, :kind, :source, :at, :arguments)
				on conflict do nothing""")
			.param("number", requestNumber)
			.param("kind", kind.name())
			.param("source", source)
			.param("at", Timestamp.from(at))
			.param("arguments", arguments.toArray(String[]::new))
			.update() == 1;
	}

	@Override
	public List<Milestone> of(String requestNumber) {
		return jdbc.sql("""
				select kind, at, arguments from notify_applicant_milestone where request_number = :number
				 order by at, kind""")
			.param("number", requestNumber)
			.query((row, n) -> new Milestone(Kind.valueOf(row.getString("kind")),
					row.getTimestamp("at").toInstant(), strings(row.getArray("arguments"))))
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
