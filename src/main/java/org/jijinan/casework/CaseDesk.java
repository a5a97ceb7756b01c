package org.jijinan.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.Urgency;
import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casework module's front door for staff: find and list cases within the caller's area, read a case's
 * timeline, and move a case on. Township and county reviewers and approvers move cases; only approvers record a
 * decision.
 */
@Service
public class CaseDesk {

	static final Set<String> HANDLERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	static final Set<String> APPROVERS = Set.of("TOWNSHIP_APPROVER", "COUNTY_APPROVER");

	private final Cases cases;

	private final CaseTimeline timeline;

	private final RegionDirectory regions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConfirmedVisits visits;

	private final CaseTasks tasks;

	private final CaseworkSettings settings;

	private final StaffDirectory directory;

	private final PersonRegistry persons;

	private final HouseholdRegister households;

	CaseDesk(Cases cases, CaseTimeline timeline, RegionDirectory regions, JdbcClient jdbc, Clock clock,
			ConfirmedVisits visits, CaseTasks tasks, CaseworkSettings settings, StaffDirectory directory,
			PersonRegistry persons, HouseholdRegister households) {
		this.persons = persons;
		this.households = households;
		this.visits = visits;
		this.cases = cases;
		this.timeline = timeline;
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.tasks = tasks;
		this.settings = settings;
		this.directory = directory;
	}

	/**
	 * @return the case, to staff whose area contains its township
	 */
	@Transactional(readOnly = true)
	public CaseView find(String number, Caller caller) {
		return visible(number, caller).view();
	}

	/**
	 * @return the case's timeline, oldest first
	 */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(String number, Caller caller) {
		return timeline.of(visible(number, caller).id());
	}

	/**
	 * @return the numbers of the requests a case handles, the first first; empty for an unknown case. For messages to
	 * the applicants, which are the platform's to send whoever acted.
	 */
	@Transactional(readOnly = true)
	public List<String> requestNumbers(String caseNumber) {
		return jdbc.sql("""
				select r.request_number from casework_case_request r join casework_case c on c.id = r.case_id
				 where c.number = :number order by r.joined_at, r.request_number""")
			.param("number", caseNumber)
			.query(String.class)
			.list();
	}

	/**
	 * @return the case a request belongs to, if it has been opened yet
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<CaseView> forRequest(String requestNumber, Caller caller) {
		return cases.findByRequest(requestNumber).filter(found -> inArea(found, caller)).map(Case::view);
	}

	/**
	 * The cases in the caller's area, those in the given status or, without one, those still being worked on; the
	 * longest waiting first.
	 */
	@Transactional(readOnly = true)
	public List<CaseView> list(@Nullable CaseStatus status, Caller caller) {
		if (caller.regionScope() == null) {
			return List.of();
		}
		List<UUID> ids = jdbc.sql("""
				select id from casework_case
				 where township_path like :scope || '%'
				   and (:status = '' and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED') or status = :status)
				 order by status_since, number limit 500""")
			.param("scope", regions.path(caller.regionScope()))
			.param("status", status == null ? "" : status.name())
			.query(UUID.class)
			.list();
		return cases.findAllById(ids)
			.stream()
			.sorted(java.util.Comparator.comparing((Case found) -> ids.indexOf(found.id())))
			.map(Case::view)
			.toList();
	}

	/**
	 * Moves a case on in its life cycle.
	 * @param note required for withdrawal, transfer and closing
	 * @param jurisdiction the township or county a transferred case goes to
	 */
	@Transactional
	public CaseView move(String number, CaseStatus target, @Nullable String note, @Nullable DivisionCode jurisdiction,
			Caller caller) {
		Case found = handled(number, caller);
		if (target == CaseStatus.DECIDED && caller.roles().stream().noneMatch(APPROVERS::contains)) {
			throw new Forbidden("casework.not-allowed");
		}
		if (target == CaseStatus.AWAITING_DECISION && found.view().status().canMoveTo(target)
				&& found.view().urgency() != Urgency.EMERGENCY && !visits.exist(found.id())) {
			throw new RuleViolation("casework.visit-required");
		}
		if (jurisdiction != null && regions.find(jurisdiction).isEmpty()) {
			throw new InvalidInput("region.unknown-code", jurisdiction.value());
		}
		boolean closing = found.closing(target);
		Instant now = clock.instant();
		found.moveTo(target, note, jurisdiction, caller.name(), now);
		if (closing) {
			settleOpenTasks(found, caller, now);
		}
		return cases.save(found).view();
	}

	/**
	 * Sends a decided or closed case back to decision (重新审核) on the grounds given: a founded complaint or a ruling
	 * that changed or revoked its decision. The module whose grounds they are decides who may do it; the case must
	 * lie in the caller's area. Its handler then proposes the corrected decision, which goes through review and
	 * approval by others as every decision does.
	 */
	@Transactional
	public CaseView reopen(String number, String grounds, Caller caller) {
		Case found = visible(number, caller);
		found.reopen(grounds, caller.name(), clock.instant());
		return cases.save(found).view();
	}

	/**
	 * A case that ends leaves no task open: each unfinished one is withdrawn with the case's note as the reason the
	 * unit reads, or, where the county prefers, the case cannot end until they are done.
	 */
	private void settleOpenTasks(Case ending, Caller caller, Instant now) {
		List<CaseTask> open = tasks.findByCase(ending.id()).stream().filter(CaseTask::open).toList();
		if (open.isEmpty()) {
			return;
		}
		if (settings.openTasksOnClose() == CaseworkSettings.OpenTasks.REFUSE) {
			throw new RuleViolation("casework.tasks-open", open.size());
		}
		String reason = String.valueOf(ending.view().closingNote());
		for (CaseTask task : open) {
			task.withdraw(ending, reason, caller.name(), now);
		}
		tasks.saveAll(open);
	}

	/**
	 * Hands a case over (交接) to another reviewer or approver of its township or county, with the reason.
	 */
	@Transactional
	public CaseView handOver(String number, @Nullable String to, @Nullable String reason, Caller caller) {
		Case found = handled(number, caller);
		String successor = to == null ? "" : to.strip();
		if (handoverCandidates(found).stream().noneMatch(colleague -> colleague.username().equals(successor))) {
			throw new RuleViolation("casework.handover-target-invalid");
		}
		found.handOver(successor, reason, caller.name(), clock.instant());
		return cases.save(found).view();
	}

	/**
	 * Links a case to the registered (or provisionally registered) person it is about, so its aid enters their
	 * household's assistance chain; a household with another open case is refused.
	 */
	@Transactional
	public CaseView linkPerson(String number, @Nullable PersonId person, Caller caller) {
		Case found = handled(number, caller);
		if (person == null) {
			throw new InvalidInput("casework.person-required");
		}
		persons.find(person, caller);
		UUID household = households.currentHouseholdOf(person).map(HouseholdId::value).orElse(null);
		Optional<Case> other = cases.findOpenForPerson(person.value())
			.or(() -> household == null ? Optional.empty() : cases.findOpenForHousehold(household))
			.filter(open -> !open.id().equals(found.id()));
		if (other.isPresent()) {
			throw new Conflict("casework.household-has-open-case", other.get().number());
		}
		found.linkPerson(person.value(), household, caller.name(), clock.instant());
		return cases.save(found).view();
	}

	/**
	 * @return who a case may be handed over to: the active reviewers and approvers of its township and its county
	 */
	@Transactional(readOnly = true)
	public List<StaffDirectory.Colleague> handoverCandidates(String number, Caller caller) {
		return handoverCandidates(handled(number, caller));
	}

	/**
	 * @return the staff of the case's township and county who may go on its household visit with the caller, by name
	 */
	public List<StaffDirectory.Colleague> visitCompanions(String number, Caller caller) {
		Case found = handled(number, caller);
		Set<String> visitors = new java.util.HashSet<>(HANDLERS);
		visitors.add("WINDOW_CLERK");
		List<StaffDirectory.Colleague> companions = new java.util.ArrayList<>(
				directory.colleagues(found.townshipPath(), visitors));
		companions.addAll(directory.colleagues(CaseOpening.countyPath(found.townshipPath()), HANDLERS));
		companions.removeIf(colleague -> colleague.username().equals(caller.name()));
		return companions;
	}

	/**
	 * @param usernames staff by their sign-in names
	 * @return the names people know them by, for each that has one
	 */
	public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
		var names = new java.util.HashMap<String, String>();
		usernames.forEach(username -> names.put(username, directory.displayName(username).orElse(username)));
		return names;
	}

	/**
	 * @return the name people know the case's handler by
	 */
	public String handlerName(CaseView view) {
		return directory.displayName(view.handler()).orElse(view.handler());
	}

	private List<StaffDirectory.Colleague> handoverCandidates(Case found) {
		List<StaffDirectory.Colleague> candidates = new java.util.ArrayList<>(
				directory.colleagues(found.townshipPath(), HANDLERS));
		candidates.addAll(directory.colleagues(CaseOpening.countyPath(found.townshipPath()), HANDLERS));
		candidates.removeIf(colleague -> colleague.username().equals(found.handler()));
		return candidates;
	}

	/**
	 * Records the legal basis on which the case may be shared with charities and agencies.
	 */
	@Transactional
	public SharingBasis recordSharingBasis(String number, SharingBasis.Kind basis, @Nullable String reference,
			Caller caller) {
		Case found = handled(number, caller);
		if (basis == null) {
			throw new InvalidInput("casework.sharing-basis-required");
		}
		String document = org.jijinan.shared.WrittenText.required(reference, 2, 100,
				"casework.sharing-reference-required");
		var recorded = new SharingBasis(basis, document, caller.name(), clock.instant());
		jdbc.sql("""
				insert into casework_sharing_basis (id, case_id, basis, reference, recorded_by, recorded_at)
				values (:id, :caseId, :basis, :reference, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("caseId", found.id())
			.param("basis", basis.name())
			.param("reference", document)
			.param("by", caller.name())
			.param("at", java.sql.Timestamp.from(recorded.recordedAt()))
			.update();
		timeline.append(found.id(), recorded.recordedAt(), caller.name(), "SHARING_BASIS_" + basis.name(), document);
		return recorded;
	}

	/**
	 * For modules that share a case beyond the government: the legal basis the case records, if any. Whoever asks
	 * decides for itself whether it may see the case.
	 * @return the latest basis recorded
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<SharingBasis> sharingBasis(String number) {
		return jdbc.sql("""
				select b.basis, b.reference, b.recorded_by, b.recorded_at from casework_sharing_basis b
				  join casework_case c on c.id = b.case_id
				 where c.number = :number order by b.recorded_at desc limit 1""")
			.param("number", number)
			.query((row, n) -> new SharingBasis(SharingBasis.Kind.valueOf(row.getString(1)), row.getString(2),
					row.getString(3), row.getTimestamp(4).toInstant()))
			.optional();
	}

	/**
	 * @return the case, when the caller may see it and handles cases
	 */
	Case handled(String number, Caller caller) {
		Case found = visible(number, caller);
		if (caller.roles().stream().noneMatch(HANDLERS::contains)) {
			throw new Forbidden("casework.not-allowed");
		}
		return found;
	}

	/**
	 * @return the case, when the caller's area contains its township
	 */
	Case visible(String number, Caller caller) {
		if (!CaseNumber.wellFormed(number)) {
			throw new InvalidInput("casework.number-malformed");
		}
		Case found = cases.findByNumber(number).orElseThrow(() -> new NotFound("casework.case-not-found"));
		if (!inArea(found, caller)) {
			throw new Forbidden("casework.out-of-scope");
		}
		return found;
	}

	private boolean inArea(Case found, Caller caller) {
		return caller.regionScope() != null && found.townshipPath().startsWith(regions.path(caller.regionScope()));
	}

}
