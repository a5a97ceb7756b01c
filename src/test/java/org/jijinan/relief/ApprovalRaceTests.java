package org.jijinan.relief;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseStatus;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.IntakeTests;
import org.jijinan.intake.NewHelpRequest;
import org.jijinan.people.NewPerson;
import org.jijinan.people.PersonRegistry;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S5: a thousand races, each of two requests started together at one reviewed decision — two approvers approving,
 * or an approver approving while the proposer withdraws. Each decision ends with exactly one outcome, the loser
 * gets 409, nothing answers 500, and only an approved decision reaches the assistance chain and decides its case.
 */
@SystemTest
class ApprovalRaceTests {

	static final int RACES = Integer.getInteger("jijinan.races", 1000);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	IntakeDesk intake;

	@Autowired
	CaseDesk cases;

	@Autowired
	DecisionDesk decisions;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonRegistry persons;

	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

	@Test
	void endsEveryRaceWithExactlyOneOutcome() throws Exception {
		var staff = StaffFixtures.from(context);
		var handlerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor handler = StaffFixtures.signedIn(port, handlerAccount);
		Visitor first = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor second = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		Caller proposer = new Officer(handlerAccount.username(), "TOWNSHIP_REVIEWER");
		Caller reviewer = new Officer("race.reviewer", "TOWNSHIP_REVIEWER");
		List<UUID> reviewed = reviewedDecisions(proposer, reviewer);

		Map<String, Integer> outcomes = new TreeMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int race = 0; race < RACES; race++) {
				String path = "/api/v1/decisions/" + reviewed.get(race);
				boolean withdraw = race % 2 == 1;
				var barrier = new CyclicBarrier(2);
				Callable<Page> approve = () -> {
					barrier.await();
					return first.json("POST", path + "/approval", "");
				};
				Callable<Page> rival = () -> {
					barrier.await();
					return withdraw ? handler.json("POST", path + "/withdrawal", "")
							: second.json("POST", path + "/approval", "");
				};
				List<Future<Page>> answers = pool.invokeAll(List.of(approve, rival));
				List<Integer> statuses = new ArrayList<>();
				for (Future<Page> answer : answers) {
					statuses.add(answer.get().status());
					assertThat(answer.get().status()).as(answer.get().body()).isIn(200, 409);
				}
				assertThat(statuses).as("race %d", race).containsExactlyInAnyOrder(200, 409);
				outcomes.merge(withdraw ? "approve-vs-withdraw" : "double-approval", 1, Integer::sum);
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(outcomes).containsEntry("double-approval", RACES - RACES / 2)
			.containsEntry("approve-vs-withdraw", RACES / 2);
		List<Map<String, Object>> rows = jdbc.sql("""
				select d.status, count(distinct d.id) as decisions, count(a.id) as records
				  from relief_decision d left join relief_assistance a on a.source_ref = d.id::text
				 where d.id in (:ids) group by d.status""")
			.param("ids", reviewed)
			.query()
			.listOfRows();
		long approved = 0;
		for (Map<String, Object> row : rows) {
			long count = ((Number) row.get("decisions")).longValue();
			long records = ((Number) row.get("records")).longValue();
			assertThat(row.get("status")).isIn("APPROVED", "WITHDRAWN");
			assertThat(records).isEqualTo("APPROVED".equals(row.get("status")) ? count : 0);
			approved += "APPROVED".equals(row.get("status")) ? count : 0;
		}
		assertThat(approved).isGreaterThanOrEqualTo(RACES - RACES / 2);
		long decided = jdbc.sql("""
				select count(*) from casework_case where status = 'DECIDED'
				   and number in (select case_number from relief_decision where id in (:ids) and status = 'APPROVED')""")
			.param("ids", reviewed)
			.query(Long.class)
			.single();
		assertThat(decided).isEqualTo(approved);
	}

	/** Sets up the races through the modules' own services: requests accepted, cases investigated, proposals reviewed. */
	private List<UUID> reviewedDecisions(Caller proposer, Caller reviewer) throws Exception {
		Caller clerk = new Officer("race.clerk", "WINDOW_CLERK");
		NewHelpRequest spec = json.readValue(IntakeTests.request("EMERGENCY", "13909747777", "FIRE"),
				NewHelpRequest.class);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> requests = new ArrayList<>();
			for (int i = 0; i < RACES; i++) {
				requests.add(pool.submit(() -> {
					String number = intake.receive(spec, clerk).number();
					if (intake.find(number, proposer).duplicateUnresolved()) {
						intake.keepApart(number, "核实为另一户的另一件事", proposer);
					}
					intake.accept(number, proposer);
					return number;
				}));
			}
			List<Future<UUID>> proposals = new ArrayList<>();
			for (Future<String> request : requests) {
				String number = request.get();
				proposals.add(pool.submit(() -> {
					// Casework opens the case after the acceptance commits, and by a proposal's turn it mostly has: look
					// at once, then every 10 ms, rather than sleep Awaitility's first 100 ms before every look — a
					// thousand of them kept the four setup threads asleep for some 25 s.
					await().pollDelay(Duration.ZERO)
						.pollInterval(Duration.ofMillis(10))
						.until(() -> cases.forRequest(number, proposer).isPresent());
					String caseNumber = cases.forRequest(number, proposer).orElseThrow().number();
					var person = persons.register(new NewPerson("才让", null, null, null, null,
							"1370975" + String.format("%04d", PHONES.incrementAndGet() % 10_000),
							new DivisionCode("632521101201"), null), proposer);
					cases.linkPerson(caseNumber, person.id(), proposer);
					cases.move(caseNumber, CaseStatus.INVESTIGATING, null, null, proposer);
					UUID id = decisions.propose(caseNumber, new Proposal("FIRE", "二档", 2, false,
							new java.math.BigDecimal("600"), null, null, null, null, null, "才让", "6228480086012345678",
							"中国农业银行"), proposer).id();
					decisions.review(id, reviewer);
					return id;
				}));
			}
			List<UUID> ids = new ArrayList<>();
			for (Future<UUID> proposal : proposals) {
				ids.add(proposal.get());
			}
			return ids;
		}
		finally {
			pool.shutdown();
		}
	}

	record Officer(String name, String role) implements Caller {

		@Override
		public Set<String> roles() {
			return Set.of(role);
		}

		@Override
		public DivisionCode regionScope() {
			return StaffFixtures.DAOTANGHE;
		}

	}

}
