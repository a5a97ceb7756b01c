package org.jijinan.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons flagged because they look like someone already registered (same name, birth date and village, another
 * ID number). Staff review each pair and record whether they are different people or the same person under two
 * numbers (which then needs correcting at the household register); nothing is merged automatically.
 */
@Service
@Transactional
public class Lookalikes {

	private final JdbcClient jdbc;

	private final PeopleScope scope;

	private final PeopleSettings settings;

	private final ApplicationEventPublisher events;

	Lookalikes(JdbcClient jdbc, PeopleScope scope, PeopleSettings settings, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * @return the open pairs in the caller's area, oldest first
	 */
	@Transactional(readOnly = true)
	public List<LookalikeView> open(Caller caller) {
		return jdbc.sql("""
				select l.id, l.created_at, p.id as person, p.name, p.id_number_masked, p.birth_date, p.residence,
				       q.id as resembles, q.id_number_masked as resembles_number
				  from people_lookalike l join people_person p on p.id = l.person_id
				  join people_person q on q.id = l.resembles_id
				 where l.status = 'OPEN' and p.residence_path like :scope || '%'
				 order by l.created_at, l.id limit 200""")
			.param("scope", scope.pathOf(caller))
			.query((row, number) -> new LookalikeView(row.getObject("id", UUID.class),
					new PersonId(row.getObject("person", UUID.class)), row.getString("name"),
					row.getString("id_number_masked"), row.getObject("birth_date", java.time.LocalDate.class),
					row.getString("residence"), new PersonId(row.getObject("resembles", UUID.class)),
					row.getString("resembles_number"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * @return how many pairs wait for review in the caller's area
	 */
	@Transactional(readOnly = true)
	public long openCount(Caller caller) {
		return jdbc.sql("""
				select count(*) from people_lookalike l join people_person p on p.id = l.person_id
				 where l.status = 'OPEN' and p.residence_path like :scope || '%'""")
			.param("scope", scope.pathOf(caller))
			.query(Long.class)
			.single();
	}

	/**
	 * Records the review of one pair.
	 * @param outcome {@code DISTINCT} (different people) or {@code SAME} (one person under two numbers)
	 */
	public void resolve(UUID id, Outcome outcome, Caller caller) {
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		String path = jdbc.sql("""
				select p.residence_path from people_lookalike l join people_person p on p.id = l.person_id
				 where l.id = :id""")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("people.lookalike-not-found"));
		if (!path.startsWith(scope.pathOf(caller))) {
			throw new Forbidden("people.out-of-scope");
		}
		int resolved = jdbc.sql("update people_lookalike set status = :outcome where id = :id and status = 'OPEN'")
			.param("outcome", outcome.name())
			.param("id", id)
			.update();
		if (resolved == 0) {
			throw new Conflict("people.lookalike-resolved");
		}
		events.publishEvent(new LookalikeReviewed(id, outcome));
	}

	/**
	 * What a review found.
	 */
	public enum Outcome {

		/** 不是同一人. */
		DISTINCT,
		/** 同一人使用两个号码，需更正. */
		SAME

	}

	/**
	 * A flagged pair, masked.
	 *
	 * @param id the flag
	 * @param personId the newly registered person
	 * @param name their (shared) name
	 * @param idNumber the new person's masked number
	 * @param birthDate the shared birth date
	 * @param residence the shared village
	 * @param resemblesId the person registered before
	 * @param resemblesNumber that person's masked number
	 * @param flaggedAt when the pair was flagged
	 */
	public record LookalikeView(UUID id, PersonId personId, String name, String idNumber, java.time.LocalDate birthDate,
			String residence, PersonId resemblesId, String resemblesNumber, Instant flaggedAt) {
	}

	/**
	 * A flagged pair was reviewed.
	 *
	 * @param lookalikeId the flag
	 * @param outcome what the review found
	 */
	public record LookalikeReviewed(UUID lookalikeId, Outcome outcome) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "people.lookalike-reviewed";
		}

		@Override
		public String auditSubjectType() {
			return "lookalike";
		}

		@Override
		public String auditSubjectId() {
			return lookalikeId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("outcome", outcome.name());
		}

	}

}
