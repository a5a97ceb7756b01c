package org.jijinan.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partner following the roster feed's cursor while standings change in concurrent transactions — some held open
 * while later ones commit, some rolled back — sees every committed change exactly once, none rolled back, and after
 * a full extract nothing the extract already showed.
 */
@SystemTest
class RosterChangesTests {

	private static final DivisionCode GONGHE = new DivisionCode("632521");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	RosterChanges changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void deliversEveryCommittedChangeOnceWhileTransactionsCommitOutOfOrder() throws Exception {
		String category = "FEED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		jdbc.sql("insert into people_category (code, name_zh, name_en, subject) values (:code, '测试', 'Test', 'PERSON')")
			.param("code", category.replaceAll("[^A-Z_0-9]", "X"))
			.update();
		category = category.replaceAll("[^A-Z_0-9]", "X");
		List<UUID> persons = persons(12);
		UUID before = insert(persons.get(0), category);
		RosterChanges.Extract extract = changes.extract(Set.of(category), GONGHE, LocalDate.now());
		assertThat(extract.standings()).extracting(RosterChanges.Change::standingId).containsExactly(before);

		List<UUID> committed = Collections.synchronizedList(new ArrayList<>());
		List<UUID> rolledBack = Collections.synchronizedList(new ArrayList<>());
		List<UUID> delivered = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean writing = new AtomicBoolean(true);
		String feed = category;
		ExecutorService pool = Executors.newFixedThreadPool(5);
		Future<String> reader = pool.submit(() -> {
			String cursor = extract.cursor();
			while (writing.get()) {
				RosterChanges.Page page = changes.since(cursor, Set.of(feed), GONGHE, 7);
				page.changes().forEach(change -> delivered.add(change.standingId()));
				cursor = page.cursor();
				Thread.sleep(5);
			}
			return cursor;
		});
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			writers.add(pool.submit(() -> {
				for (int i = 0; i < 20; i++) {
					boolean keep = ThreadLocalRandom.current().nextInt(6) != 0;
					long hold = ThreadLocalRandom.current().nextInt(3) == 0 ? ThreadLocalRandom.current().nextInt(150) : 0;
					UUID person = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
					transactions.executeWithoutResult(status -> {
						UUID id = insert(person, feed);
						sleep(hold);
						if (keep) {
							committed.add(id);
						}
						else {
							rolledBack.add(id);
							status.setRollbackOnly();
						}
					});
				}
				return null;
			}));
		}
		for (Future<?> writer : writers) {
			writer.get();
		}
		writing.set(false);
		String cursor = reader.get();
		pool.shutdown();
		for (RosterChanges.Page page = changes.since(cursor, Set.of(category), GONGHE, 7); !page.changes().isEmpty()
				|| page.more(); page = changes.since(page.cursor(), Set.of(category), GONGHE, 7)) {
			page.changes().forEach(change -> delivered.add(change.standingId()));
		}

		assertThat(delivered).doesNotHaveDuplicates().doesNotContain(before);
		assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(committed));
		assertThat(delivered).doesNotContainAnyElementsOf(rolledBack);
		assertThat(committed).hasSizeGreaterThan(40);
	}

	@Test
	void refusesCursorsItDidNotHandOut() {
		assertThatThrownBy(() -> changes.since("not-a-cursor", Set.of("X"), GONGHE, 10)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> changes.since(RosterChanges.encode(new RosterChanges.Cursor("", "999999999999", 1)),
				Set.of("X"), GONGHE, 10)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> changes.since(RosterChanges.encode(new RosterChanges.Cursor("9:5:", "0", 0)),
				Set.of("X"), GONGHE, 10)).as("a snapshot whose xmin passes its xmax").isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> changes.since(RosterChanges.encode(new RosterChanges.Cursor("5:9:12", "0", 0)),
				Set.of("X"), GONGHE, 10)).as("a running transaction outside the snapshot").isInstanceOf(InvalidInput.class);
	}

	private UUID insert(UUID person, String category) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into people_category_membership (id, category_code, person_id, source, valid_from)
				values (:id, :category, :person, 'test', current_date)""")
			.param("id", id)
			.param("category", category)
			.param("person", person)
			.update();
		return id;
	}

	private List<UUID> persons(int count) {
		Visitor clerk = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		List<UUID> persons = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
			String body = "632521" + birth.toString().replace("-", "")
					+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
			persons.add(UUID.fromString(CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
					"{\"name\": \"测试\", \"idNumber\": \"%s\", \"residence\": \"632521101201\"}"
						.formatted(body + ResidentIdNumber.checkCharacter(body))))));
		}
		return persons;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
