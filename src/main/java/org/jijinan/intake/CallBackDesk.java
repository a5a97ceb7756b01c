package org.jijinan.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-backs (回电): owed when a request is received from a caller who asked for one, and recorded attempt by attempt.
 * The hotline operator who took the call owes it; a request from another channel is the township's to call back (its
 * receiver when they are the township's intake, review or approval staff, otherwise the one of those with the fewest
 * call-backs owed). An emergency is due on the clock, anything else by the end of the working day it came in on.
 * Who owes it records it, and so may the township's handling staff and the supervisors of its area.
 */
@Service
@Transactional
class CallBackDesk {

	/** Besides the owner and the township's handling staff, who may record a call-back in their area. */
	static final String SUPERVISOR = "SUPERVISOR";

	private final CallBacks callBacks;

	private final HelpRequests requests;

	private final RegionDirectory regions;

	private final StaffDirectory staff;

	private final WorkingDayCalendar calendar;

	private final IntakeSettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	CallBackDesk(CallBacks callBacks, HelpRequests requests, RegionDirectory regions, StaffDirectory staff,
			WorkingDayCalendar calendar, IntakeSettings settings, JdbcClient jdbc, Clock clock) {
		this.callBacks = callBacks;
		this.requests = requests;
		this.regions = regions;
		this.staff = staff;
		this.calendar = calendar;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Owes the caller of a request just received a call-back, when they asked for one (in the receiving transaction).
	 */
	void owe(HelpRequest received) {
		HelpRequestView request = received.view();
		if (!request.callbackWanted()) {
			return;
		}
		IntakeSettings.CallBackRules rules = settings.callBack();
		Instant due = request.urgency() == Urgency.EMERGENCY
				? calendar.plusHours(request.receivedAt(), rules.emergencyHours())
				: calendar.endOfWorkingDay(request.receivedAt(), rules.dayEndsAt());
		callBacks.save(CallBack.owe(request.number(), request.township(), request.urgency(),
				owner(request, received.townshipPath()), request.receivedAt(), due));
	}

	/**
	 * @return the request's call-back and whether the caller may record it; empty when its caller asked for none
	 */
	@Transactional(readOnly = true)
	public Optional<Panel> panel(String number, Caller caller) {
		HelpRequest request = visible(number, caller);
		return callBacks.findByRequestNumber(number)
			.map(callBack -> new Panel(view(callBack, request), mayRecord(callBack, request, caller)));
	}

	/**
	 * Records an attempt to call back: reaching the caller closes the call-back, and so does the last unanswered
	 * attempt allowed ({@code jijinan.intake.call-back.attempts}).
	 */
	public CallBackView record(String number, @Nullable CallBackOutcome outcome, @Nullable String note, Caller caller) {
		HelpRequest request = visible(number, caller);
		CallBack callBack = callBacks.findByRequestNumber(number)
			.orElseThrow(() -> new RuleViolation("intake.call-back-not-wanted"));
		if (!mayRecord(callBack, request, caller)) {
			throw new Forbidden("intake.call-back-not-allowed");
		}
		callBack.record(outcome, note, caller.name(), clock.instant(), settings.callBack().attempts());
		return view(callBacks.save(callBack), request);
	}

	/**
	 * @return the call-backs still owed that the caller may make: their own, and for the township's handling staff
	 * every one of their area; the soonest due first
	 */
	@Transactional(readOnly = true)
	public List<Owed> owedTo(Caller caller) {
		boolean township = caller.regionScope() != null
				&& caller.roles().stream().anyMatch(IntakeDesk.TOWNSHIP_ROLES::contains);
		return jdbc.sql("""
				select c.request_number, coalesce(r.reporter_name, r.subject_name, '') as caller, r.urgency, c.due_at,
				       c.owner, (select count(*) from intake_call_back_attempt a where a.call_back_id = c.id) as attempts
				  from intake_call_back c join intake_help_request r on r.number = c.request_number
				 where c.status = 'OWED' and (c.owner = :me or (:township and r.township_path like :scope || '%'))
				 order by c.due_at, c.request_number limit 200""")
			.param("me", caller.name())
			.param("township", township)
			.param("scope", township ? regions.path(caller.regionScope()) : "-")
			.query((row, n) -> new Owed(row.getString(1), row.getString(2), Urgency.valueOf(row.getString(3)),
					row.getTimestamp(4).toInstant(), row.getString(5), row.getInt(6)))
			.list();
	}

	private boolean mayRecord(CallBack callBack, HelpRequest request, Caller caller) {
		return callBack.owner().equals(caller.name()) || inArea(request, caller)
				&& (caller.roles().stream().anyMatch(IntakeDesk.TOWNSHIP_ROLES::contains) || caller.hasRole(SUPERVISOR));
	}

	/**
	 * The township's call: its receiver when they are the township's handling staff, otherwise whichever of them owes
	 * the fewest call-backs (the receiver again when the township has nobody).
	 */
	private String owner(HelpRequestView request, String townshipPath) {
		if (request.channel() == Channel.HOTLINE) {
			return request.owner();
		}
		List<String> handlers = staff.colleagues(townshipPath, IntakeDesk.TOWNSHIP_ROLES)
			.stream()
			.map(StaffDirectory.Colleague::username)
			.toList();
		if (handlers.isEmpty() || handlers.contains(request.owner())) {
			return request.owner();
		}
		Map<String, Long> owed = new HashMap<>();
		jdbc.sql("""
				select owner, count(*) from intake_call_back where status = 'OWED' and owner in (:handlers)
				 group by owner""")
			.param("handlers", handlers)
			.query((row, n) -> owed.put(row.getString(1), row.getLong(2)))
			.list();
		return handlers.stream()
			.min(Comparator.comparing((String name) -> owed.getOrDefault(name, 0L)))
			.orElse(request.owner());
	}

	private HelpRequest visible(String number, Caller caller) {
		if (!HelpRequestNumber.wellFormed(number)) {
			throw new InvalidInput("intake.number-malformed");
		}
		HelpRequest request = requests.findByNumber(number).orElseThrow(() -> new NotFound("intake.request-not-found"));
		if (!request.owner().equals(caller.name()) && !inArea(request, caller)) {
			throw new Forbidden("intake.out-of-scope");
		}
		return request;
	}

	private boolean inArea(HelpRequest request, Caller caller) {
		return caller.regionScope() != null && request.townshipPath().startsWith(regions.path(caller.regionScope()));
	}

	private static CallBackView view(CallBack callBack, HelpRequest request) {
		return new CallBackView(callBack.requestNumber(), callBack.owner(), request.view().township(),
				callBack.dueAt(), callBack.status(),
				callBack.attempts()
					.stream()
					.map(attempt -> new CallBackView.Attempt(attempt.outcome(), attempt.note(), attempt.madeBy(),
							attempt.madeAt()))
					.toList(),
				callBack.closedAt());
	}

	/**
	 * A request's call-back on its page.
	 *
	 * @param callBack the call-back
	 * @param mayRecord whether the viewer may record an attempt
	 */
	record Panel(CallBackView callBack, boolean mayRecord) {
	}

	/**
	 * A call-back still owed, as the queue lists it.
	 *
	 * @param number the request
	 * @param callerName the caller's name as entered (the reporter's, else the person's)
	 * @param urgency how urgent the request is
	 * @param dueAt when the call is due
	 * @param owner who owes it (login)
	 * @param attempts unanswered attempts so far
	 */
	record Owed(String number, String callerName, Urgency urgency, Instant dueAt, String owner, int attempts) {

		/**
		 * @return whether it is overdue at {@code now}
		 */
		public boolean lateAt(Instant now) {
			return now.isAfter(dueAt);
		}

	}

}
