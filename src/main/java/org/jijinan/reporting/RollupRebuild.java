package org.jijinan.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the dashboards' roll-ups from the facts they came from: in one transaction, holding the roll-ups' lock
 * alone (every event's transaction holds it shared, see {@link Rollups}), it empties {@code reporting_cases},
 * {@code reporting_units} and {@code reporting_activity} and recomputes them — each case's time-to-aid bucket from its
 * first contact and first aid, requests and cases from {@code reporting_request} and {@code reporting_case}, units
 * from {@code reporting_task_fact}, aid and services from {@code reporting_activity_fact}. Rebuilding gives the same
 * figures as the events did, and rebuilding twice changes nothing.
 * <p>
 * Runs for a county administrator ({@code POST /api/v1/dashboard/rebuild}), from the command line
 * ({@code --jijinan.reporting.rebuild-and-exit=true}) and once at start-up when the stored roll-ups are of an older
 * layout than the code's (new bucket bounds, a new dimension: see {@link RollupUpgrade}). Every rebuild is audited.
 */
@Service
public class RollupRebuild {

	/** The roll-ups' layout: 2 = buckets in minutes and urgency as a dimension. */
	static final int VERSION = 2;

	private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RollupRebuild(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Rebuilds the roll-ups for a county administrator.
	 * @return what was rebuilt
	 */
	@Transactional
	public Rebuilt rebuild(Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null
				|| caller.regionScope().value().length() != 6) {
			throw new Forbidden("reporting.rebuild-not-allowed");
		}
		return rebuild(caller.name(), "API");
	}

	/**
	 * Rebuilds the roll-ups.
	 * @param by who asked, for the audit trail
	 * @param trigger {@code API}, {@code COMMAND} or {@code UPGRADE}
	 * @return what was rebuilt
	 */
	@Transactional
	public Rebuilt rebuild(String by, String trigger) {
		lock();
		int from = version();
		String bucket = "case when counted and first_contact_at is not null and first_aid_at is not null then "
				+ TimeToAid.bucketSql("first_contact_at", "first_aid_at") + " end";
		jdbc.sql("update reporting_case set aided_bucket = " + bucket + " where aided_bucket is distinct from " + bucket)
			.update();
		jdbc.sql("delete from reporting_cases").update();
		StringBuilder buckets = new StringBuilder();
		for (int i = 0; i < TimeToAid.BUCKETS; i++) {
			buckets.append(", count(*) filter (where bucket = ").append(i).append(")");
		}
		long cases = jdbc.sql("""
				insert into reporting_cases (month, township, channel, cause, urgency, requests, cases, aided, %s)
				select month, township, channel, cause, urgency, sum(requests), sum(cases), count(bucket) %s
				  from (select date_trunc('month', received_at at time zone 'Asia/Shanghai')::date as month, township,
				               channel, cause, coalesce(urgency, :notRecorded) as urgency, 1 as requests, 0 as cases,
				               null::smallint as bucket
				          from reporting_request
				        union all
				        select month, township, channel, cause, coalesce(urgency, :notRecorded), 0, 1, aided_bucket
				          from reporting_case
				         where counted) facts
				 group by month, township, channel, cause, urgency""".formatted(TimeToAid.columns(""), buckets))
			.param("notRecorded", Rollups.NOT_RECORDED)
			.update();
		jdbc.sql("delete from reporting_units").update();
		long units = jdbc.sql("""
				insert into reporting_units (month, township, unit_id, unit_name, referred, completed, on_time, returns)
				select month, township, unit_id, (array_agg(unit_name order by id desc))[1],
				       count(*) filter (where kind = 'referred'), count(*) filter (where kind = 'completed'),
				       sum(on_time), count(*) filter (where kind = 'returns')
				  from reporting_task_fact
				 group by month, township, unit_id""")
			.update();
		jdbc.sql("delete from reporting_activity").update();
		long activity = jdbc.sql("""
				insert into reporting_activity (month, township, kind, count, amount)
				select month, township, kind, count(*), sum(amount)
				  from reporting_activity_fact
				 group by month, township, kind""")
			.update();
		jdbc.sql("update reporting_rollup_version set version = :version, rebuilt_at = :at")
			.param("version", VERSION)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		Rebuilt rebuilt = new Rebuilt(from, VERSION, cases, units, activity);
		events.publishEvent(new RolledUp(trigger, by, rebuilt));
		log.info("Dashboards' roll-ups rebuilt from their facts ({}): layout {} -> {}, {} case, {} unit, {} activity rows",
				trigger, from, VERSION, cases, units, activity);
		return rebuilt;
	}

	/**
	 * Rebuilds the roll-ups if they are of an older layout than the code's; a second instance starting at the same
	 * time waits for the first and finds them rebuilt.
	 * @return whether they were rebuilt
	 */
	@Transactional
	public boolean upgradeIfOutdated() {
		lock();
		if (version() >= VERSION) {
			return false;
		}
		rebuild("system", "UPGRADE");
		return true;
	}

	private void lock() {
		jdbc.sql("select 1 from pg_advisory_xact_lock(:lock)").param("lock", Rollups.LOCK).query(Integer.class).single();
	}

	private int version() {
		return jdbc.sql("select version from reporting_rollup_version").query(Integer.class).single();
	}

	/**
	 * What a rebuild did.
	 *
	 * @param fromVersion the roll-ups' layout before
	 * @param version their layout now
	 * @param caseRows rows of the requests-and-cases roll-up
	 * @param unitRows rows of the units' roll-up
	 * @param activityRows rows of the aid-and-services roll-up
	 */
	public record Rebuilt(int fromVersion, int version, long caseRows, long unitRows, long activityRows) {
	}

	/**
	 * The dashboards' roll-ups were rebuilt from their facts.
	 */
	record RolledUp(String trigger, String by, Rebuilt rebuilt) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "reporting.rebuilt";
		}

		@Override
		public String auditSubjectType() {
			return "dashboard-rollups";
		}

		@Override
		public String auditSubjectId() {
			return "layout-" + rebuilt.version();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("trigger", trigger, "fromVersion", String.valueOf(rebuilt.fromVersion()), "caseRows",
					String.valueOf(rebuilt.caseRows()), "unitRows", String.valueOf(rebuilt.unitRows()), "activityRows",
					String.valueOf(rebuilt.activityRows()));
		}

	}

}
