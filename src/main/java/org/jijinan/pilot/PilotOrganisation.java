package org.jijinan.pilot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pilot's organisation as tracked work (保障措施): the county's leading group and the townships' leading bodies,
 * meetings — mobilisation, exchange and observation, cross-learning, regular reviews — whose decisions become action
 * items with an owner and a due day, watched by supervision like any other step; publicity; the liaison leaders
 * assigned to townships (联点指导) and their visits. Due days are counted on the working-day calendar: one that falls
 * on a rest day moves to the next working day.
 */
@Service
public class PilotOrganisation {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final StaffDirectory staff;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PilotOrganisation(JdbcClient jdbc, RegionDirectory regions, StaffDirectory staff, WorkingDayCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.staff = staff;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a member to the county's leading group, or to a township's leading body.
	 */
	@Transactional
	public void addMember(NewMember given, Caller caller) {
		DivisionCode county = keptCounty(caller);
		String township = township(given.township(), county);
		String name = WrittenText.required(given.name(), 2, 50, "pilot.member-name-required");
		String post = WrittenText.required(given.post(), 2, 100, "pilot.member-post-required");
		String unit = WrittenText.required(given.unit(), 2, 100, "pilot.member-unit-required");
		if (given.role() == null) {
			throw new InvalidInput("pilot.member-role-required");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pilot_member (id, county, township, name, post, unit, role, added_by, added_at)
				values (:id, :county, :township, :name, :post, :unit, :role, :by, :at)""")
			.param("id", id)
			.param("county", county.value())
			.param("township", township)
			.param("name", name)
			.param("post", post)
			.param("unit", unit)
			.param("role", given.role().name())
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new Pilot.PilotChanged("pilot.member-added", id.toString(), caller.name(),
				Map.of("role", given.role().name())));
	}

	/**
	 * Records a meeting; each decision becomes an action item owed by its owner by its due day.
	 * @return the meeting's id
	 */
	@Transactional
	public UUID recordMeeting(NewMeeting given, Caller caller) {
		DivisionCode county = keptCounty(caller);
		if (given.kind() == null) {
			throw new InvalidInput("pilot.meeting-kind-required");
		}
		LocalDate held = Pilot.day(given.heldOn());
		if (held.isAfter(today())) {
			throw new RuleViolation("pilot.meeting-in-future");
		}
		String place = WrittenText.required(given.place(), 2, 100, "pilot.meeting-place-required");
		String attendees = WrittenText.required(given.attendees(), 2, 1000, "pilot.meeting-attendees-required");
		String minutes = WrittenText.required(given.minutes(), 4, 4000, "pilot.meeting-minutes-required");
		List<NewDecision> decisions = given.decisions() == null ? List.of() : given.decisions()
			.stream()
			.filter(decision -> decision != null && decision.decision() != null && !decision.decision().isBlank())
			.toList();
		if (decisions.size() > 20) {
			throw new InvalidInput("pilot.too-many-decisions");
		}
		Map<String, String> owners = owners(county);
		List<Owed> owed = new ArrayList<>();
		for (NewDecision decision : decisions) {
			String text = WrittenText.required(decision.decision(), 4, 500, "pilot.decision-text-required");
			String owner = decision.owner() == null ? "" : decision.owner().strip();
			if (!owners.containsKey(owner)) {
				throw new RuleViolation("pilot.owner-unknown");
			}
			owed.add(new Owed(text, owner, owners.get(owner), dueOf(Pilot.day(decision.dueOn()))));
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into pilot_meeting (id, county, kind, held_on, place, attendees, minutes, recorded_by, recorded_at)
				values (:id, :county, :kind, :held, :place, :attendees, :minutes, :by, :at)""")
			.param("id", id)
			.param("county", county.value())
			.param("kind", given.kind().name())
			.param("held", held)
			.param("place", place)
			.param("attendees", attendees)
			.param("minutes", minutes)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		for (Owed item : owed) {
			assign(id, county, null, "DECISION", item, now);
		}
		events.publishEvent(new Pilot.PilotChanged("pilot.meeting-recorded", id.toString(), caller.name(),
				Map.of("kind", given.kind().name(), "decisions", String.valueOf(owed.size()))));
		return id;
	}

	/**
	 * Marks an action item done, with what was done: its owner, or the county's keepers.
	 */
	@Transactional
	public void completeAction(UUID id, @Nullable String note, Caller caller) {
		Map<String, Object> action = jdbc.sql("select owner, county, status, kind from pilot_action where id = :id")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("pilot.action-not-found"));
		boolean owner = action.get("owner").equals(caller.name());
		boolean keeper = caller.regionScope() != null && caller.regionScope().value().equals(action.get("county"))
				&& caller.roles().stream().anyMatch(Pilot.COUNTY_KEEPERS::contains);
		if (!owner && !keeper) {
			throw new Forbidden("pilot.not-allowed");
		}
		if (!"DECISION".equals(action.get("kind")) && !"MOBILISATION".equals(action.get("kind"))) {
			throw new RuleViolation("pilot.plan-done-by-readiness");
		}
		String done = WrittenText.required(note, 2, 1000, "pilot.action-note-required");
		finish(id, done, caller.name());
	}

	/**
	 * Records a publicity activity: county keepers for any township or the county, a township's staff for their own.
	 */
	@Transactional
	public void recordPublicity(NewPublicity given, Caller caller) {
		DivisionCode scope = caller.regionScope();
		boolean countyKeeper = scope != null && scope.value().length() == 6
				&& caller.roles().stream().anyMatch(Pilot.COUNTY_KEEPERS::contains);
		boolean townshipKeeper = scope != null && scope.value().length() == 9
				&& caller.roles().stream().anyMatch(Pilot.TOWNSHIP_KEEPERS::contains);
		if (!countyKeeper && !townshipKeeper) {
			throw new Forbidden("pilot.not-allowed");
		}
		DivisionCode county = new DivisionCode(scope.value().substring(0, 6));
		String township = townshipKeeper ? scope.value() : township(given.township(), county);
		LocalDate held = Pilot.day(given.heldOn());
		if (held.isAfter(today())) {
			throw new RuleViolation("pilot.publicity-in-future");
		}
		String what = WrittenText.required(given.what(), 2, 200, "pilot.publicity-what-required");
		String place = WrittenText.required(given.place(), 2, 100, "pilot.publicity-place-required");
		if (given.reach() == null || given.reach() < 0 || given.reach() > 10_000_000) {
			throw new RuleViolation("pilot.publicity-reach-invalid");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pilot_publicity (id, county, township, held_on, what, place, reach, recorded_by, recorded_at)
				values (:id, :county, :township, :held, :what, :place, :reach, :by, :at)""")
			.param("id", id)
			.param("county", county.value())
			.param("township", township)
			.param("held", held)
			.param("what", what)
			.param("place", place)
			.param("reach", given.reach())
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new Pilot.PilotChanged("pilot.publicity-recorded", id.toString(), caller.name(),
				Map.of("reach", String.valueOf(given.reach()))));
	}

	/**
	 * Names the county leader who liaises with a township (联系领导); a new name replaces the old.
	 */
	@Transactional
	public void assignLiaison(@Nullable String township, @Nullable String leader, @Nullable String post,
			Caller caller) {
		DivisionCode county = keptCounty(caller);
		String code = township(township, county);
		if (code == null) {
			throw new InvalidInput("pilot.township-invalid");
		}
		String name = WrittenText.required(leader, 2, 50, "pilot.member-name-required");
		String title = WrittenText.required(post, 2, 100, "pilot.member-post-required");
		jdbc.sql("""
				insert into pilot_liaison (township, county, leader_name, post, assigned_by, assigned_at)
				values (:township, :county, :name, :post, :by, :at)
				on conflict (township) do update set leader_name = excluded.leader_name, post = excluded.post,
				       assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at""")
			.param("township", code)
			.param("county", county.value())
			.param("name", name)
			.param("post", title)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new Pilot.PilotChanged("pilot.liaison-assigned", code, caller.name(), Map.of()));
	}

	/**
	 * Records a liaison leader's visit to the township.
	 */
	@Transactional
	public void recordVisit(@Nullable String township, @Nullable String visitedOn, @Nullable String findings,
			Caller caller) {
		DivisionCode county = keptCounty(caller);
		String code = township(township, county);
		if (code == null || jdbc.sql("select count(*) from pilot_liaison where township = :t")
			.param("t", code)
			.query(Long.class)
			.single() == 0) {
			throw new RuleViolation("pilot.liaison-missing");
		}
		LocalDate visited = Pilot.day(visitedOn);
		if (visited.isAfter(today())) {
			throw new RuleViolation("pilot.visit-in-future");
		}
		String found = WrittenText.required(findings, 4, 2000, "pilot.visit-findings-required");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pilot_visit (id, township, visited_on, findings, recorded_by, recorded_at)
				values (:id, :township, :visited, :findings, :by, :at)""")
			.param("id", id)
			.param("township", code)
			.param("visited", visited)
			.param("findings", found)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new Pilot.PilotChanged("pilot.visit-recorded", id.toString(), caller.name(),
				Map.of("township", code)));
	}

	/**
	 * Owes each township of the county its implementation plan (实施方案) by the deadline, owned by its approver, and
	 * the county the mobilisation (notice and meeting) by its deadline, owned by the caller.
	 */
	void owe(DivisionCode county, LocalDate mobilisationBy, LocalDate plansBy, Caller caller) {
		Instant now = clock.instant();
		Map<String, String> owners = owners(county);
		String mobiliser = owners.containsKey(caller.name()) ? caller.name() : "";
		assign(null, county, null, "MOBILISATION", new Owed("下发试点通知和方案，召开全县“救急难”试点动员部署会议", mobiliser,
				owners.getOrDefault(mobiliser, ""), dueOf(mobilisationBy)), now);
		for (DivisionView township : townships(county)) {
			List<StaffDirectory.Colleague> approvers = staff.colleagues(regions.path(township.code()),
					Set.of("TOWNSHIP_APPROVER"));
			String owner = approvers.isEmpty() ? "" : approvers.get(0).username();
			String ownerName = approvers.isEmpty() ? "" : approvers.get(0).displayName();
			try {
				assign(null, county, township.code().value(), "TOWNSHIP_PLAN",
						new Owed("完成乡镇“救急难”工作实施方案", owner, ownerName, dueOf(plansBy)), now);
			}
			catch (DuplicateKeyException owedAlready) {
				throw new org.jijinan.shared.Conflict("pilot.plans-owed-already");
			}
		}
	}

	/**
	 * A township filed its plan: its plan item is done.
	 */
	void planFiled(DivisionCode township, String by) {
		jdbc.sql("select id from pilot_action where township = :t and kind = 'TOWNSHIP_PLAN' and status = 'OPEN'")
			.param("t", township.value())
			.query(UUID.class)
			.list()
			.forEach(id -> finish(id, "实施方案已报备", by));
	}

	/**
	 * @return the county's organisation as its readers see it
	 */
	@Transactional(readOnly = true)
	public View view(Caller caller) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || scope.value().length() > 9 || caller.roles().stream().noneMatch(Pilot.READERS::contains)) {
			throw new Forbidden("pilot.not-allowed");
		}
		DivisionCode county = new DivisionCode(scope.value().substring(0, 6));
		Instant now = clock.instant();
		List<Member> members = jdbc.sql("""
				select name, post, unit, role, township from pilot_member where county = :county
				 order by township nulls first, case role when 'LEADER' then 0 when 'DEPUTY' then 1 else 2 end, name""")
			.param("county", county.value())
			.query((row, n) -> new Member(row.getString("name"), row.getString("post"), row.getString("unit"),
					Role.valueOf(row.getString("role")), placeName(row.getString("township"))))
			.list();
		List<Action> actions = jdbc.sql("""
				select a.id, a.kind, a.decision, a.owner_name, a.township, a.due_at, a.status, a.done_note, a.owner,
				       m.kind as meeting_kind, m.held_on
				  from pilot_action a left join pilot_meeting m on m.id = a.meeting_id
				 where a.county = :county order by a.status desc, a.due_at""")
			.param("county", county.value())
			.query((row, n) -> {
				Instant due = row.getTimestamp("due_at").toInstant();
				boolean open = "OPEN".equals(row.getString("status"));
				return new Action((UUID) row.getObject("id"), row.getString("kind"), row.getString("decision"),
						row.getString("owner_name"), row.getString("owner"), placeName(row.getString("township")),
						LocalDate.ofInstant(due.minusSeconds(1), WorkingDayCalendar.COUNTY), open,
						open && due.isBefore(now), row.getString("done_note"), row.getString("meeting_kind"),
						row.getObject("held_on", LocalDate.class));
			})
			.list();
		List<Meeting> meetings = jdbc.sql("""
				select kind, held_on, place, attendees, minutes from pilot_meeting where county = :county
				 order by held_on desc""")
			.param("county", county.value())
			.query((row, n) -> new Meeting(MeetingKind.valueOf(row.getString("kind")),
					row.getObject("held_on", LocalDate.class), row.getString("place"), row.getString("attendees"),
					row.getString("minutes")))
			.list();
		List<Publicity> publicity = jdbc.sql("""
				select held_on, what, place, reach, township from pilot_publicity where county = :county
				 order by held_on desc""")
			.param("county", county.value())
			.query((row, n) -> new Publicity(row.getObject("held_on", LocalDate.class), row.getString("what"),
					row.getString("place"), row.getInt("reach"), placeName(row.getString("township"))))
			.list();
		Map<String, Liaison> liaisons = new LinkedHashMap<>();
		jdbc.sql("""
				select l.township, l.leader_name, l.post, count(v.id) as visits, max(v.visited_on) as last_visit
				  from pilot_liaison l left join pilot_visit v on v.township = l.township
				 where l.county = :county group by l.township, l.leader_name, l.post order by l.township""")
			.param("county", county.value())
			.query((row, n) -> liaisons.put(row.getString("township"),
					new Liaison(row.getString("township"), placeName(row.getString("township")),
							row.getString("leader_name"), row.getString("post"), row.getInt("visits"),
							row.getObject("last_visit", LocalDate.class))))
			.list();
		boolean keeps = scope.value().length() == 6 && caller.roles().stream().anyMatch(Pilot.COUNTY_KEEPERS::contains);
		List<Owner> owners = keeps ? owners(county).entrySet()
			.stream()
			.map(entry -> new Owner(entry.getKey(), entry.getValue()))
			.toList() : List.of();
		List<Township> townships = townships(county).stream()
			.map(township -> new Township(township.code().value(), township.name()))
			.toList();
		return new View(members, meetings, actions, publicity, List.copyOf(liaisons.values()), keeps, owners,
				townships, scope.value().length() == 9);
	}

	private void assign(@Nullable UUID meeting, DivisionCode county, @Nullable String township, String kind,
			Owed item, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pilot_action (id, meeting_id, county, township, decision, owner, owner_name, due_at, status,
				                          kind)
				values (:id, :meeting, :county, :township, :decision, :owner, :ownerName, :due, 'OPEN', :kind)""")
			.param("id", id)
			.param("meeting", meeting)
			.param("county", county.value())
			.param("township", township)
			.param("decision", item.decision())
			.param("owner", item.owner())
			.param("ownerName", item.ownerName())
			.param("due", Timestamp.from(item.dueAt()))
			.param("kind", kind)
			.update();
		DivisionCode unit = township == null ? county : new DivisionCode(township);
		events.publishEvent(new PilotActionAssigned(id, regions.path(unit),
				(township == null ? "county:" : "township:") + unit.value(),
				regions.find(unit).map(DivisionView::name).orElse(unit.value()), item.owner(), now, item.dueAt()));
	}

	private void finish(UUID id, String note, String by) {
		Instant now = clock.instant();
		int done = jdbc.sql("""
				update pilot_action set status = 'DONE', done_at = :at, done_by = :by, done_note = :note
				 where id = :id and status = 'OPEN'""")
			.param("at", Timestamp.from(now))
			.param("by", by)
			.param("note", note)
			.param("id", id)
			.update();
		if (done == 0) {
			throw new org.jijinan.shared.Conflict("pilot.action-done-already");
		}
		events.publishEvent(new PilotActionDone(id, now, by));
		events.publishEvent(new Pilot.PilotChanged("pilot.action-done", id.toString(), by, Map.of()));
	}

	/**
	 * The end of the due day (24:00, as the law counts a period's last day), or of the next working day when it is
	 * a rest day.
	 */
	private Instant dueOf(LocalDate day) {
		if (day.isBefore(today())) {
			throw new RuleViolation("pilot.due-past");
		}
		LocalDate working = day;
		while (!calendar.isWorkingDay(working)) {
			working = working.plusDays(1);
		}
		return working.plusDays(1).atStartOfDay(WorkingDayCalendar.COUNTY).toInstant();
	}

	/** Who may own an action item: the county's keepers, the townships' approvers and reviewers, by login name. */
	private Map<String, String> owners(DivisionCode county) {
		Map<String, String> owners = new LinkedHashMap<>();
		staff.colleagues(regions.path(county), Pilot.COUNTY_KEEPERS)
			.forEach(colleague -> owners.put(colleague.username(), colleague.displayName()));
		for (DivisionView township : townships(county)) {
			staff.colleagues(regions.path(township.code()), Set.of("TOWNSHIP_APPROVER", "TOWNSHIP_REVIEWER"))
				.forEach(colleague -> owners.put(colleague.username(),
						colleague.displayName() + "（" + township.name() + "）"));
		}
		return owners;
	}

	private List<DivisionView> townships(DivisionCode county) {
		return regions.townships(county, today());
	}

	private @Nullable String township(@Nullable String given, DivisionCode county) {
		if (given == null || given.isBlank()) {
			return null;
		}
		return regions.townshipOf(given, county)
			.map(found -> found.code().value())
			.orElseThrow(() -> new InvalidInput("pilot.township-invalid"));
	}

	private @Nullable String placeName(@Nullable String township) {
		return township == null ? null
				: regions.find(new DivisionCode(township)).map(DivisionView::name).orElse(township);
	}

	private static DivisionCode keptCounty(Caller caller) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || scope.value().length() != 6
				|| caller.roles().stream().noneMatch(Pilot.COUNTY_KEEPERS::contains)) {
			throw new Forbidden("pilot.not-allowed");
		}
		return scope;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
	}

	private record Owed(String decision, String owner, String ownerName, Instant dueAt) {
	}

	/** A member's place in a leading group. */
	public enum Role {
		/** 组长. */
		LEADER,
		/** 副组长. */
		DEPUTY,
		/** 成员. */
		MEMBER
	}

	/** What a meeting was. */
	public enum MeetingKind {
		/** 动员部署会议. */
		MOBILISATION,
		/** 交流观摩会. */
		EXCHANGE,
		/** 交叉学习. */
		CROSS_LEARNING,
		/** 定期研究（解决试点中遇到的困难和问题）. */
		REVIEW
	}

	/**
	 * @param township the township whose leading body it is; none for the county's leading group
	 * @param name the member's name
	 * @param post their post, such as 副县长
	 * @param unit their unit, such as 县民政局
	 * @param role leader, deputy or member
	 */
	public record NewMember(@Nullable String township, @Nullable String name, @Nullable String post,
			@Nullable String unit, @Nullable Role role) {
	}

	/**
	 * @param kind what meeting
	 * @param heldOn the day (yyyy-MM-dd)
	 * @param place where
	 * @param attendees who attended
	 * @param minutes the minutes
	 * @param decisions what was decided, each with its owner and due day
	 */
	public record NewMeeting(@Nullable MeetingKind kind, @Nullable String heldOn, @Nullable String place,
			@Nullable String attendees, @Nullable String minutes, @Nullable List<NewDecision> decisions) {
	}

	/**
	 * @param decision what was decided
	 * @param owner the login name of who must carry it out (one of the offered owners)
	 * @param dueOn by when (yyyy-MM-dd)
	 */
	public record NewDecision(@Nullable String decision, @Nullable String owner, @Nullable String dueOn) {
	}

	/**
	 * @param township the township, for township publicity; none for the county's
	 * @param heldOn the day
	 * @param what what was done (a village meeting, leaflets, a broadcast …)
	 * @param place where
	 * @param reach how many people it reached
	 */
	public record NewPublicity(@Nullable String township, @Nullable String heldOn, @Nullable String what,
			@Nullable String place, @Nullable Integer reach) {
	}

	/** A member of a leading group. */
	public record Member(String name, String post, String unit, Role role, @Nullable String township) {
	}

	/** A meeting. */
	public record Meeting(MeetingKind kind, LocalDate heldOn, String place, String attendees, String minutes) {
	}

	/**
	 * An action item.
	 *
	 * @param overdue open past its due time
	 */
	public record Action(UUID id, String kind, String decision, String ownerName, String owner,
			@Nullable String township, LocalDate dueOn, boolean open, boolean overdue, @Nullable String doneNote,
			@Nullable String meetingKind, @Nullable LocalDate meetingOn) {
	}

	/** A publicity activity. */
	public record Publicity(LocalDate heldOn, String what, String place, int reach, @Nullable String township) {
	}

	/** A township's liaison leader and their visits. */
	public record Liaison(String township, @Nullable String townshipName, String leader, String post, int visits,
			@Nullable LocalDate lastVisit) {
	}

	/** Someone who may own an action item. */
	public record Owner(String username, String name) {
	}

	/** A township, for the forms. */
	public record Township(String code, String name) {
	}

	/**
	 * The county's pilot organisation.
	 *
	 * @param keeps whether the viewer keeps it (county keepers)
	 * @param owners who may own action items (for keepers)
	 * @param township whether the viewer works at a township (and records its publicity)
	 */
	public record View(List<Member> members, List<Meeting> meetings, List<Action> actions, List<Publicity> publicity,
			List<Liaison> liaisons, boolean keeps, List<Owner> owners, List<Township> townships, boolean township) {

		/**
		 * @return how many people the publicity reached
		 */
		public long reach() {
			return publicity.stream().mapToLong(Publicity::reach).sum();
		}

	}

}
