package org.jijinan.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the dashboards' roll-ups, each in the transaction of the event that changes them. Every event is counted
 * once ({@code reporting_seen}); a case is counted when both its opening and its request are known, and its time to
 * aid when its first aid is known too, whatever order the events arrive in.
 * <p>
 * Every counter has its facts beside it, written in the same transaction: requests and cases in
 * {@code reporting_request} and {@code reporting_case}, tasks in {@code reporting_task_fact}, aid and services in
 * {@code reporting_activity_fact}; {@link RollupRebuild} recomputes every roll-up from them. Each event's
 * transaction holds the roll-ups' lock shared, so a rebuild (which holds it alone) never interleaves with one.
 */
@Component
class Rollups {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The urgency of requests and cases recorded before the dashboards recorded urgencies (未记录). */
	static final String NOT_RECORDED = "NOT_RECORDED";

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The advisory lock over the roll-ups: held shared by each event's transaction, alone by a rebuild. */
	static final long LOCK = 0x7265706f7274L;

	/**
	 * Takes the roll-ups' lock shared and checks the event.
	 * @return whether the event is new; it is marked seen in the caller's transaction
	 */
	boolean firstTime(String key) {
		jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:lock)").param("lock", LOCK).query(Integer.class).single();
		return jdbc.sql("insert into reporting_seen (key) values (:key) on conflict do nothing")
			.param("key", key(key))
			.update() == 1;
	}

	/**
	 * @return an event's key as stored ({@code reporting_seen}, {@code reporting_activity_fact}): at most 200
	 * characters
	 */
	static String key(String key) {
		return key.length() > 200 ? key.substring(0, 200) : key;
	}

	static LocalDate month(Instant at) {
		return at.atZone(CHINA).toLocalDate().withDayOfMonth(1);
	}

	void request(String number, String township, String channel, String cause, String urgency, Instant receivedAt) {
		jdbc.sql("""
				insert into reporting_request (number, township, channel, cause, urgency, received_at)
				values (:number, :township, :channel, :cause, :urgency, :at) on conflict do nothing""")
			.param("number", number)
			.param("township", township)
			.param("channel", channel)
			.param("cause", cause)
			.param("urgency", urgency)
			.param("at", Timestamp.from(receivedAt))
			.update();
		// cases first, then the roll-up, the order every listener locks them in
		jdbc.sql("select case_number from reporting_case where request_number = :number and not counted")
			.param("number", number)
			.query(String.class)
			.list()
			.forEach(this::settle);
		addToCases(month(receivedAt), township, channel, cause, urgency, "requests = reporting_cases.requests + 1", 1, 0,
				0);
	}

	void caseOpened(String caseNumber, String requestNumber, String township, String urgency, Instant firstContact) {
		jdbc.sql("""
				insert into reporting_case (case_number, request_number, township, urgency, first_contact_at)
				values (:number, :request, :township, :urgency, :at)
				on conflict (case_number) do update set request_number = excluded.request_number,
				       township = excluded.township, urgency = excluded.urgency,
				       first_contact_at = excluded.first_contact_at""")
			.param("number", caseNumber)
			.param("request", requestNumber)
			.param("township", township)
			.param("urgency", urgency)
			.param("at", Timestamp.from(firstContact))
			.update();
		settle(caseNumber);
	}

	void aid(String caseNumber, Instant at) {
		jdbc.sql("""
				insert into reporting_case (case_number, first_aid_at) values (:number, :at)
				on conflict (case_number) do update
				   set first_aid_at = least(coalesce(reporting_case.first_aid_at, excluded.first_aid_at), excluded.first_aid_at)""")
			.param("number", caseNumber)
			.param("at", Timestamp.from(at))
			.update();
		settle(caseNumber);
	}

	/**
	 * Counts aid under a scheme or a service delivered, keeping its fact.
	 * @param key the event's key, as given to {@link #firstTime(String)}
	 */
	void activity(String key, Instant at, String township, String kind, BigDecimal amount) {
		jdbc.sql("""
				insert into reporting_activity_fact (key, at, month, township, kind, amount)
				values (:key, :at, :month, :township, :kind, :amount)""")
			.param("key", key(key))
			.param("at", Timestamp.from(at))
			.param("month", month(at))
			.param("township", township)
			.param("kind", kind)
			.param("amount", amount)
			.update();
		jdbc.sql("""
				insert into reporting_activity (month, township, kind, count, amount) values (:month, :township, :kind, 1, :amount)
				on conflict (month, township, kind) do update
				   set count = reporting_activity.count + 1, amount = reporting_activity.amount + excluded.amount""")
			.param("month", month(at))
			.param("township", township)
			.param("kind", kind)
			.param("amount", amount)
			.update();
	}

	/**
	 * Counts a task referred to, completed by or returned by a unit, keeping its fact.
	 * @param sequence which return of the task (0 for a referral or a completion)
	 * @param onTime 1 for a completion on time, otherwise 0
	 */
	void unit(UUID taskId, int sequence, Instant at, String township, UUID unitId, String unitName, String counter,
			int onTime) {
		String column = switch (counter) {
			case "referred", "completed", "returns" -> counter;
			default -> throw new IllegalArgumentException(counter);
		};
		jdbc.sql("""
				insert into reporting_task_fact (task_id, unit_id, kind, sequence, at, month, township, unit_name, on_time)
				values (:task, :unit, :kind, :sequence, :at, :month, :township, :name, :onTime)""")
			.param("task", taskId)
			.param("unit", unitId)
			.param("kind", column)
			.param("sequence", sequence)
			.param("at", Timestamp.from(at))
			.param("month", month(at))
			.param("township", township)
			.param("name", unitName)
			.param("onTime", onTime)
			.update();
		jdbc.sql("""
				insert into reporting_units (month, township, unit_id, unit_name, %1$s, on_time)
				values (:month, :township, :unit, :name, 1, :onTime)
				on conflict (month, township, unit_id) do update
				   set %1$s = reporting_units.%1$s + 1, on_time = reporting_units.on_time + excluded.on_time,
				       unit_name = excluded.unit_name""".formatted(column))
			.param("month", month(at))
			.param("township", township)
			.param("unit", unitId)
			.param("name", unitName)
			.param("onTime", onTime)
			.update();
	}

	/**
	 * @return the township of a case the dashboards know, if they know it yet
	 */
	@Nullable String townshipOf(String caseNumber) {
		return jdbc.sql("select township from reporting_case where case_number = :number")
			.param("number", caseNumber)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Counts the case once its opening and request are known, and moves its time to aid into the right bucket once
	 * its first aid is known.
	 */
	private void settle(String caseNumber) {
		var row = jdbc.sql("""
				select c.township, c.first_contact_at, c.first_aid_at, c.counted, c.aided_bucket, c.month, c.channel,
				       c.cause, c.urgency, r.channel as request_channel, r.cause as request_cause
				  from reporting_case c left join reporting_request r on r.number = c.request_number
				 where c.case_number = :number for update of c""")
			.param("number", caseNumber)
			.query((rs, n) -> new CaseRow(rs.getString("township"), instant(rs.getTimestamp("first_contact_at")),
					instant(rs.getTimestamp("first_aid_at")), rs.getBoolean("counted"),
					(Integer) rs.getObject("aided_bucket"), rs.getObject("month", LocalDate.class),
					rs.getString("channel") != null ? rs.getString("channel") : rs.getString("request_channel"),
					rs.getString("cause") != null ? rs.getString("cause") : rs.getString("request_cause"),
					urgency(rs.getString("urgency"))))
			.single();
		if (row.township() == null || row.firstContact() == null || row.channel() == null) {
			return;
		}
		LocalDate month = row.month() != null ? row.month() : month(row.firstContact());
		if (!row.counted()) {
			addToCases(month, row.township(), row.channel(), row.cause(), row.urgency(),
					"cases = reporting_cases.cases + 1", 0, 1, 0);
		}
		Integer bucket = row.firstAid() == null ? null
				: TimeToAid.bucket(Duration.between(row.firstContact(), row.firstAid()));
		if (bucket != null && !bucket.equals(row.aidedBucket())) {
			String change = TimeToAid.column(bucket) + " = reporting_cases." + TimeToAid.column(bucket) + " + 1";
			if (row.aidedBucket() == null) {
				change += ", aided = reporting_cases.aided + 1";
			}
			else {
				String old = TimeToAid.column(row.aidedBucket());
				change += ", " + old + " = reporting_cases." + old + " - 1";
			}
			addToCases(month, row.township(), row.channel(), row.cause(), row.urgency(), change, 0, 0, 0);
		}
		jdbc.sql("""
				update reporting_case set counted = true, month = :month, channel = :channel, cause = :cause,
				       aided_bucket = :bucket where case_number = :number""")
			.param("month", month)
			.param("channel", row.channel())
			.param("cause", row.cause())
			.param("bucket", bucket)
			.param("number", caseNumber)
			.update();
	}

	private void addToCases(LocalDate month, String township, String channel, String cause, String urgency,
			String change, int requests, int cases, int aided) {
		jdbc.sql("""
				insert into reporting_cases (month, township, channel, cause, urgency, requests, cases, aided)
				values (:month, :township, :channel, :cause, :urgency, :requests, :cases, :aided)
				on conflict (month, township, channel, cause, urgency) do update set %s""".formatted(change))
			.param("month", month)
			.param("township", township)
			.param("channel", channel)
			.param("cause", cause)
			.param("urgency", urgency)
			.param("requests", requests)
			.param("cases", cases)
			.param("aided", aided)
			.update();
	}

	/**
	 * @return the urgency a request or case counts under: as recorded, or {@link #NOT_RECORDED} for one recorded
	 * before urgencies were
	 */
	static String urgency(@Nullable String recorded) {
		return recorded == null ? NOT_RECORDED : recorded;
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record CaseRow(@Nullable String township, @Nullable Instant firstContact, @Nullable Instant firstAid,
			boolean counted, @Nullable Integer aidedBucket, @Nullable LocalDate month, @Nullable String channel,
			@Nullable String cause, String urgency) {
	}

}
