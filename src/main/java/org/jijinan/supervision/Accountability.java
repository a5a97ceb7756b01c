package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability records (责任追究): a supervisor names a failure, the step it concerns, and the unit and person
 * responsible for it. Records are kept, listed for the area and audited.
 */
@Service
public class Accountability {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Accountability(JdbcClient jdbc, RegionDirectory regions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a failure on a step; the unit and the person default to the step's.
	 * @param person the person held responsible, when not the step's responsible person
	 */
	@Transactional
	public Entry record(UUID stepId, FailureType failure, @Nullable String description, @Nullable String person,
			Caller caller) {
		if (!caller.hasRole("SUPERVISOR")) {
			throw new Forbidden("supervision.supervisors-only");
		}
		String text = WrittenText.required(description, 4, 2000, "supervision.description-required");
		var step = jdbc.sql("""
				select case_number, area_path, unit_key, unit_name, responsible, coalesce(done_by, responsible)
				  from supervision_step where id = :id""")
			.param("id", stepId)
			.query((row, n) -> new String[] { row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getString(6) })
			.optional()
			.orElseThrow(() -> new NotFound("supervision.step-not-found"));
		if (caller.regionScope() == null || !step[1].startsWith(regions.path(caller.regionScope()))) {
			throw new Forbidden("supervision.out-of-scope");
		}
		String named = WrittenText.optional(person, 100);
		String who = !named.isEmpty() ? named
				: failure == FailureType.BUCK_PASSING ? step[5] : step[4];
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into supervision_accountability (id, failure, step_id, case_number, area_path, unit_key, unit_name,
				                                        person, description, recorded_by, recorded_at)
				values (:id, :failure, :step, :caseNumber, :area, :unitKey, :unitName, :person, :description, :by, :now)""")
			.param("id", id)
			.param("failure", failure.name())
			.param("step", stepId)
			.param("caseNumber", step[0])
			.param("area", step[1])
			.param("unitKey", step[2])
			.param("unitName", step[3])
			.param("person", who)
			.param("description", text)
			.param("by", caller.name())
			.param("now", Timestamp.from(now))
			.update();
		events.publishEvent(new Recorded(id, failure, step[3], who, caller.name()));
		return new Entry(id, failure, step[0], step[3], who, text, caller.name(), now);
	}

	/**
	 * Records what a founded complaint holds a unit (and, when named, a person) responsible for; the complaint's
	 * handler decided it, so no supervisor's role is asked for here.
	 */
	void recordForComplaint(String complaint, FailureType failure, @Nullable String caseNumber, String areaPath,
			String unitKey, String unitName, @Nullable String person, String by, Instant at) {
		UUID id = UUID.randomUUID();
		String who = person == null ? "" : person;
		jdbc.sql("""
				insert into supervision_accountability (id, failure, case_number, area_path, unit_key, unit_name, person,
				                                        description, recorded_by, recorded_at, complaint_number)
				values (:id, :failure, :caseNumber, :area, :unitKey, :unitName, :person, :description, :by, :at,
				        :complaint)""")
			.param("id", id)
			.param("failure", failure.name())
			.param("caseNumber", caseNumber)
			.param("area", areaPath)
			.param("unitKey", unitKey)
			.param("unitName", unitName)
			.param("person", who)
			.param("description", "投诉举报 " + complaint + " 经查属实")
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("complaint", complaint)
			.update();
		events.publishEvent(new Recorded(id, failure, unitName, who, by));
	}

	/**
	 * @return the records of the caller's area, newest first, to its supervisors and leaders only (403
	 * {@code supervision.not-allowed} for anyone else: the records name the people held responsible)
	 */
	@Transactional(readOnly = true)
	public List<Entry> inArea(Caller caller) {
		String scope = SupervisionReaders.area(caller, SupervisionReaders.OVERSEERS, regions);
		return jdbc.sql("""
				select id, failure, case_number, unit_name, person, description, recorded_by, recorded_at
				  from supervision_accountability where area_path like :scope || '%' order by recorded_at desc limit 200""")
			.param("scope", scope)
			.query((row, n) -> new Entry(row.getObject(1, UUID.class), FailureType.valueOf(row.getString(2)),
					row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
					row.getTimestamp(8).toInstant()))
			.list();
	}

	/**
	 * An accountability record.
	 *
	 * @param id the record
	 * @param failure what went wrong
	 * @param caseNumber the case concerned
	 * @param unitName the unit held responsible
	 * @param person the person held responsible
	 * @param description what happened
	 * @param recordedBy the supervisor
	 * @param recordedAt when
	 */
	public record Entry(UUID id, FailureType failure, @Nullable String caseNumber, String unitName, String person,
			String description, String recordedBy, Instant recordedAt) {
	}

	/**
	 * An accountability record was made.
	 *
	 * @param id the record
	 * @param failure what went wrong
	 * @param unitName the unit
	 * @param person the person
	 * @param by the supervisor
	 */
	record Recorded(UUID id, FailureType failure, String unitName, String person, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "supervision.accountability-recorded";
		}

		@Override
		public String auditSubjectType() {
			return "accountability";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("failure", failure.name(), "unit", unitName, "person", person);
		}

	}

}
