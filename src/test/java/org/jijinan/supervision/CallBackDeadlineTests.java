package org.jijinan.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call-back (回电) keeps time like every other step: an emergency's within two hours on the clock, anyone else's by
 * the end of the working day (the next working day's after hours, as the holiday calendar counts them); one not made
 * in time is warned about, escalated to the township and then to the supervisors, and shows where late steps show.
 */
@SystemTest
class CallBackDeadlineTests {

	static final String TOWNSHIP_AREA = "/630000/632500/632521/632521101/";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DeadlineSweep sweep;

	DeadlineMessages alerts;

	Opened operatorAccount;

	Visitor operator;

	@BeforeEach
	void signIn() {
		alerts = new DeadlineMessages(jdbc);
		operatorAccount = StaffFixtures.from(context)
			.named("接线员白玛", StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR);
		operator = StaffFixtures.signedIn(port, operatorAccount);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void escalatesAnEmergencyCallBackNotMadeWithinTwoHours() {
		var staff = StaffFixtures.from(context);
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor supervisor = StaffFixtures.signedInWithSecondFactor(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR), context);
		String number = call("EMERGENCY");
		UUID step = step(number);
		assertThat(due(step).minus(Duration.ofHours(2))).as("two hours on the clock").isEqualTo(started(step));

		clock.advance(Duration.ofMinutes(100));
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "WARNING") == 1);
		assertThat(alerts.recipients(step, "WARNING")).containsExactly("account:" + operatorAccount.username());
		assertThat(operator.get("/").body()).as("not yet late: not highlighted")
			.doesNotContainPattern("<li class=\"urgent\">\\s*<a href=\"/intake/requests/" + number + "\"");

		clock.advance(Duration.ofMinutes(30));
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "OVERDUE") == 2);
		assertThat(alerts.recipients(step, "OVERDUE")).containsExactlyInAnyOrder("account:" + operatorAccount.username(),
				"region:" + TOWNSHIP_AREA);
		assertThat(operator.get("/").body()).as("the operator's line, highlighted")
			.containsPattern("<li class=\"urgent\">\\s*<a href=\"/intake/requests/" + number + "\"");
		assertThat(township.get("/").body()).as("the township's home shows the late call-back")
			.containsPattern("<li class=\"urgent\">\\s*<a href=\"/intake/requests/" + number + "\"");
		assertThat(township.get("/inbox").body()).contains("【超时】回电 " + number);
		assertThat(operator.get("/intake/queue").body()).as("the queue's call-back, in red")
			.containsPattern("<tr class=\"overdue\">\\s*<td><a href=\"/intake/requests/" + number + "\"");
		assertThat(alerts.count(step, "SUPERVISOR")).isZero();

		clock.advance(Duration.ofDays(5));
		sweep.sweep();
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "SUPERVISOR") == 1);
		assertThat(alerts.recipients(step, "SUPERVISOR")).containsExactly("supervisors:" + TOWNSHIP_AREA);
		assertThat(stage(step)).isEqualTo(3);
		String board = supervisor.get("/supervision").body();
		assertThat(board).as("on the board's late steps, opening the request")
			.contains("href=\"/intake/requests/" + number + "\"");
		assertThat(supervisor.get("/api/v1/supervision/board").body()).contains("\"kind\":\"CALL_BACK\"")
			.contains("\"subjectRef\":\"" + number + "\"");
		assertThat(supervisor.get("/intake/requests/" + number).body()).as("supervisors may make the call themselves")
			.contains("id=\"call-back-form\"");

		Page late = supervisor.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"督办后已联系上来电人\"}");
		assertThat(late.status()).as(late.body()).isEqualTo(200);
		assertThat(jdbc.sql("select status = 'DONE' and done_at > due_at from supervision_step where id = :id")
			.param("id", step)
			.query(Boolean.class)
			.single()).as("closed, and counted late").isTrue();
		assertThat(operator.get("/").body()).doesNotContain("/intake/requests/" + number + "\"");
	}

	@Test
	void duesOtherCallBacksByTheEndOfTheWorkingDayAsTheHolidayCalendarCountsThem() {
		// The evening before the National Day holiday (1–7 October 2026): due when the offices close on the 8th.
		assertThat(dueOfCallAt("2026-09-30T18:30", "NORMAL")).isEqualTo(local("2026-10-08T17:30"));
		// Before the day's end on a working day: the same day.
		assertThat(dueOfCallAt("2026-09-30T10:00", "URGENT")).isEqualTo(local("2026-09-30T17:30"));
		// Sunday 20 September 2026 is a make-up working day: the same day, not Monday.
		assertThat(dueOfCallAt("2026-09-20T09:00", "NORMAL")).isEqualTo(local("2026-09-20T17:30"));
		// Saturday 26 September falls in the Mid-Autumn holiday (25–27 September): Monday the 28th.
		assertThat(dueOfCallAt("2026-09-26T11:00", "NORMAL")).isEqualTo(local("2026-09-28T17:30"));
		// An emergency waits for no working day: two hours on the clock.
		assertThat(dueOfCallAt("2026-09-30T18:30", "EMERGENCY")).isBetween(local("2026-09-30T20:30"),
				local("2026-09-30T20:31"));
	}

	private Instant dueOfCallAt(String localTime, String urgency) {
		clock.reset();
		clock.advance(Duration.between(clock.instant(), local(localTime)));
		String number = call(urgency);
		Instant due = due(step(number));
		// Made at once, so that a call-back dated in the past is not left owed for other tests to find.
		assertThat(operator.json("POST", "/api/v1/help-requests/" + number + "/call-backs",
				"{\"outcome\": \"REACHED\", \"note\": \"已回电\"}").status()).isEqualTo(200);
		assertThat(jdbc.sql("select due_at from intake_call_back where request_number = :n")
			.param("n", number)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).as("the call-back and its step agree").isEqualTo(due);
		return due;
	}

	private static Instant local(String time) {
		return LocalDateTime.parse(time).atZone(WorkingDayCalendar.COUNTY).toInstant();
	}

	private String call(String urgency) {
		Page received = operator.json("POST", "/api/v1/help-requests", """
				{"channel": "HOTLINE", "urgency": "%s", "reporterName": "来电人", "reporterRelation": "SELF",
				 "reporterPhone": "13909741234", "subjectName": "来电人", "village": "632521101201",
				 "description": "来电称家中断粮", "causes": ["OTHER"], "callbackWanted": true}""".formatted(urgency));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return IntakeTests.numberOf(received);
	}

	private UUID step(String number) {
		return jdbc.sql("select id from supervision_step where kind = 'CALL_BACK' and subject_ref = :n")
			.param("n", number)
			.query(UUID.class)
			.single();
	}

	private Instant due(UUID step) {
		return instant("due_at", step);
	}

	private Instant started(UUID step) {
		return instant("started_at", step);
	}

	private Instant instant(String column, UUID step) {
		return jdbc.sql("select " + column + " from supervision_step where id = :id")
			.param("id", step)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private int stage(UUID step) {
		return jdbc.sql("select stage from supervision_step where id = :id").param("id", step).query(Integer.class).single();
	}

}
