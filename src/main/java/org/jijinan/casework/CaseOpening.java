package org.jijinan.casework;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.RequestCases;
import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.region.RegionDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a case when a township accepts a request, or adds the request to the household's open case: one case per
 * household per emergency. It does so in the transaction that stores the acceptance, so that an accepted request
 * is never without its case and the acceptance can answer which case it went to ({@link RequestCases}). Handling the same acceptance twice changes nothing, and two acceptances for one household
 * at once are taken one after the other (a transaction-scoped advisory lock on the household), so they never open
 * two cases.
 */
@Component
class CaseOpening implements RequestCases {

	private final Cases cases;

	private final HouseholdRegister households;

	private final PersonRegistry persons;

	private final RegionDirectory regions;

	private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	CaseOpening(Cases cases, HouseholdRegister households, PersonRegistry persons, RegionDirectory regions,
			JdbcClient jdbc, StaffDirectory directory) {
		this.cases = cases;
		this.households = households;
		this.persons = persons;
		this.regions = regions;
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@EventListener
	void on(HelpRequestAccepted accepted) {
		UUID householdId = accepted.personId() == null ? null
				: households.currentHouseholdOf(new PersonId(accepted.personId())).map(HouseholdId::value).orElse(null);
		lockFor(householdId, accepted.personId());
		if (cases.findByRequest(accepted.number()).isPresent()) {
			return;
		}
		Optional<Case> open = householdId != null ? cases.findOpenForHousehold(householdId)
				: accepted.personId() != null ? cases.findOpenForPerson(accepted.personId()) : Optional.empty();
		if (open.isPresent()) {
			Case joined = open.get();
			joined.join(accepted);
			cases.save(joined);
			return;
		}
		long sequence = jdbc.sql("select nextval('casework_case_number_seq')").query(Long.class).single();
		String name = accepted.subjectName() != null || accepted.personId() == null ? accepted.subjectName()
				: persons.nameOf(new PersonId(accepted.personId())).orElse(null);
		String townshipPath = regions.path(accepted.township());
		cases.save(Case.open(CaseNumber.of(accepted.acceptedAt(), sequence), accepted, householdId, name,
				townshipPath, handlerFor(accepted.acceptedBy(), townshipPath)));
	}

	@Override
	public Optional<String> caseOf(String requestNumber) {
		return cases.findByRequest(requestNumber).map(Case::number);
	}

	@Override
	public Map<String, CaseProgress> progressOf(Collection<String> requestNumbers) {
		if (requestNumbers.isEmpty()) {
			return Map.of();
		}
		Map<String, CaseProgress> progress = new HashMap<>();
		jdbc.sql("""
				select r.request_number, c.number, c.status from casework_case_request r
				  join casework_case c on c.id = r.case_id where r.request_number in (:numbers)""")
			.param("numbers", Set.copyOf(requestNumbers))
			.query((row, n) -> progress.put(row.getString(1),
					new CaseProgress(row.getString(2), ending(CaseStatus.valueOf(row.getString(3))))))
			.list();
		return progress;
	}

	private static RequestCases.@Nullable Ending ending(CaseStatus status) {
		return switch (status) {
			case CLOSED -> RequestCases.Ending.CLOSED;
			case WITHDRAWN -> RequestCases.Ending.WITHDRAWN;
			case TRANSFERRED -> RequestCases.Ending.TRANSFERRED;
			default -> null;
		};
	}

	/**
	 * Whoever accepted the request handles the case when they may do its next step; otherwise (a window clerk, the
	 * hotline) the township's reviewer or approver with the fewest cases in hand, or the county's when the township
	 * has none. Nobody who cannot act is ever made the owner.
	 */
	private String handlerFor(String acceptor, String townshipPath) {
		if (directory.holdsAnyRole(acceptor, CaseDesk.HANDLERS)) {
			return acceptor;
		}
		List<String> candidates = directory.colleagues(townshipPath, CaseDesk.HANDLERS)
			.stream()
			.map(StaffDirectory.Colleague::username)
			.toList();
		if (candidates.isEmpty()) {
			candidates = directory.colleagues(countyPath(townshipPath), CaseDesk.HANDLERS)
				.stream()
				.map(StaffDirectory.Colleague::username)
				.toList();
		}
		if (candidates.isEmpty()) {
			log.warn("No reviewer or approver in {} or its county; the case stays with whoever accepted it",
					townshipPath);
			return acceptor;
		}
		Map<String, Long> load = new HashMap<>();
		jdbc.sql("""
				select handler, count(*) from casework_case
				 where handler in (:candidates) and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')
				 group by handler""")
			.param("candidates", candidates)
			.query((row, n) -> load.put(row.getString(1), row.getLong(2)))
			.list();
		return candidates.stream().min(Comparator.comparing((String name) -> load.getOrDefault(name, 0L))).orElseThrow();
	}

	/** The county's path: the first three levels of a township's, such as {@code /630000/632500/632521/}. */
	static String countyPath(String townshipPath) {
		String[] parts = townshipPath.split("/");
		return parts.length > 3 ? "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/" : townshipPath;
	}

	private void lockFor(@Nullable UUID householdId, @Nullable UUID personId) {
		UUID key = householdId != null ? householdId : personId;
		if (key != null) {
			jdbc.sql("select pg_advisory_xact_lock(:high, :low)")
				.param("high", (int) (key.getMostSignificantBits() >>> 32))
				.param("low", (int) key.getLeastSignificantBits())
				.query((row, n) -> 1)
				.list();
		}
	}

}
