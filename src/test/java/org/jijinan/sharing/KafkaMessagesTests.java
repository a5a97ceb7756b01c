package org.jijinan.sharing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jijinan.TestPlatform;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a Kafka cluster configured — here a real broker running in the test — a referral to a department, emergency
 * aid and a change to the 低保 roster each reach their topic as a versioned message. A message sent again (the broker
 * took it but the platform did not learn so before it stopped) reaches a consumer twice; the consumer, which
 * remembers the message ids it handled in its own table, handles each message exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
			"jijinan.sharing.relay-interval=PT1S", "jijinan.identity.totp-required-for=SUPERVISOR" })
@EmbeddedKafka(partitions = 1)
@Import(TestPlatform.class)
class KafkaMessagesTests {

	private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"([0-9a-f-]{36})\"");

	private static final List<String> TOPICS = List.of("jijinan.task-referred.v1",
			"jijinan.department-assistance-requested.v1", "jijinan.aid-granted.v1", "jijinan.category-changed.v1");

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	KafkaConsumer<String, String> consumer;

	DeduplicatingConsumer department;

	@BeforeEach
	void subscribe() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "department-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(TOPICS);
		department = new DeduplicatingConsumer(consumer, System.currentTimeMillis());
	}

	@AfterEach
	void close() {
		consumer.close();
	}

	@Test
	void deliversEachEventAsAVersionedMessageHandledExactlyOnce() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor officer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		String education = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from people_roster_reader where name = 'sharing.category-changed'")
				.query(Integer.class)
				.single() == 1);

		String number = CaseFixtures.acceptedCase(clerk, officer, """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13909746666", "subjectName": "卓玛", "village": "632521101201",
				 "description": "夜间失火，房屋烧毁，孩子的课本也烧了", "causes": ["FIRE"]}""");
		Page referred = officer.json("POST", "/api/v1/cases/" + number + "/tasks", """
				{"unitId": "%s", "kind": "DEPARTMENT_ASSISTANCE", "request": "孩子因火灾失学，请落实教育资助", "dueWorkingDays": 5}"""
			.formatted(education));
		assertThat(referred.status()).as(referred.body()).isEqualTo(201);
		Page toppedUp = county.json("POST", "/api/v1/reserve-funds/632521101/top-ups",
				"{\"amount\": 5000, \"reference\": \"BYJ-%s\", \"note\": \"拨付备用金\"}".formatted(UUID.randomUUID()));
		assertThat(toppedUp.status()).as(toppedUp.body()).isEqualTo(200);
		Page aid = officer.json("POST", "/api/v1/cases/" + number + "/emergency-aid", """
				{"cause": "FIRE", "amount": 1000, "goods": "棉被 2 床", "situation": "房屋夜间失火，一家人无处安身"}""");
		assertThat(aid.status()).as(aid.body()).isEqualTo(201);
		String household = minimumLivingAllowance(clerk, officer);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			department.poll();
			return department.handled().stream().anyMatch(message -> message.contains(household))
					&& !department.handledOn("jijinan.aid-granted.v1", number).isEmpty()
					&& !department.handledOn("jijinan.department-assistance-requested.v1", number).isEmpty();
		});

		assertThat(department.handledOn("jijinan.task-referred.v1", number)).singleElement()
			.asString()
			.contains("\"version\":1", "\"caseNumber\":\"" + number + "\"", "\"taskKind\":\"DEPARTMENT_ASSISTANCE\"");
		assertThat(department.handledOn("jijinan.department-assistance-requested.v1", number)).singleElement()
			.asString()
			.contains("\"unitId\":\"" + education + "\"", "\"unitKind\":\"EDUCATION_DEPARTMENT\"");
		assertThat(department.handledOn("jijinan.aid-granted.v1", number)).singleElement()
			.asString()
			.contains("\"scheme\":\"EMERGENCY\"", "\"amount\":1000", "\"township\":\"632521101\"");
		assertThat(department.handledOn("jijinan.category-changed.v1")).anySatisfy(message -> assertThat(message)
			.contains("\"category\":\"MINIMUM_LIVING_ALLOWANCE\"", "\"change\":\"INSERT\"", household));
		assertThat(String.join("\n", department.handled())).as("no personal data in messages")
			.doesNotContain("卓玛")
			.doesNotContain("13909746666");

		// the broker has the aid message, but the platform stops before it records that: on restart it sends it again
		int sentAgain = jdbc.sql("""
				update event_publication set completion_date = null, status = 'FAILED'
				 where event_type like '%AidGrantedV1' and serialized_event like '%' || :number || '%'""")
			.param("number", number)
			.update();
		assertThat(sentAgain).isEqualTo(1);
		incomplete.resubmitIncompletePublications(publication -> true);

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			department.poll();
			return department.duplicates() > 0;
		});
		assertThat(department.deliveriesOn("jijinan.aid-granted.v1", number)).as("received twice").isEqualTo(2);
		assertThat(department.handledOn("jijinan.aid-granted.v1", number)).as("handled once").hasSize(1);
	}

	/** Grants 低保 to a new household: its id. */
	private static String minimumLivingAllowance(Visitor clerk, Visitor township) {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"旦增\", \"idNumber\": \"%s\", \"residence\": \"632521101201\"}"
					.formatted(body + ResidentIdNumber.checkCharacter(body))));
		String household = CaseFixtures.idOf(
				clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person)));
		Page standing = township.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "共民〔2026〕9号",
				 "validFrom": "2026-01-01"}""".formatted(household));
		assertThat(standing.status()).as(standing.body()).isEqualTo(201);
		return household;
	}

	/**
	 * How a receiving system should consume: it records each message id (in its own database, here in memory) before
	 * acting, and skips a message whose id it has recorded already.
	 */
	static final class DeduplicatingConsumer {

		private final Set<String> handledIds = new HashSet<>();

		private final KafkaConsumer<String, String> consumer;

		private final List<ConsumerRecord<String, String>> delivered = new ArrayList<>();

		private final List<ConsumerRecord<String, String>> handled = new ArrayList<>();

		private final long since;

		/**
		 * @param since when the test began (epoch milliseconds): the platform it shares with other tests sent
		 *     messages before, about cases of its own start-up whose numbers this test's case may repeat
		 */
		DeduplicatingConsumer(KafkaConsumer<String, String> consumer, long since) {
			this.consumer = consumer;
			this.since = since;
		}

		void poll() {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
				delivered.add(record);
				Matcher id = MESSAGE_ID.matcher(record.value());
				assertThat(id.find()).as(record.value()).isTrue();
				if (handledIds.add(id.group(1))) {
					handled.add(record);
				}
			}
			consumer.commitSync();
		}

		List<String> handled() {
			return handled.stream().map(ConsumerRecord::value).toList();
		}

		List<String> handledOn(String topic) {
			return handled.stream().filter(record -> record.topic().equals(topic)).map(ConsumerRecord::value).toList();
		}

		/** The messages handled on a topic about this test's case, sent since the test began. */
		List<String> handledOn(String topic, String caseNumber) {
			return handled.stream().filter(record -> ours(record, topic, caseNumber)).map(ConsumerRecord::value).toList();
		}

		long deliveriesOn(String topic, String caseNumber) {
			return delivered.stream().filter(record -> ours(record, topic, caseNumber)).count();
		}

		private boolean ours(ConsumerRecord<String, String> record, String topic, String caseNumber) {
			return record.topic().equals(topic) && record.timestamp() >= since
					&& record.value().contains("\"" + caseNumber + "\"");
		}

		int duplicates() {
			return delivered.size() - handled.size();
		}

	}

}
