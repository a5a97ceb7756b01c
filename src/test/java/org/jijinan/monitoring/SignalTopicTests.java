package org.jijinan.monitoring;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jijinan.TestPlatform;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a Kafka cluster configured — a real broker running in the test, the same set-up as the outbound messages' test
 * so both share one platform — a department's signals arrive on their topic: one is stored and raises a warning as
 * the API's would, its second delivery stores nothing more, and the refused ones (malformed, outside the agreement,
 * dated in the future) store nothing but are listed for the department with the API's problem codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
			"jijinan.sharing.relay-interval=PT1S", "jijinan.identity.totp-required-for=SUPERVISOR" })
@EmbeddedKafka(partitions = 1)
@Import(TestPlatform.class)
class SignalTopicTests {

	static final String VILLAGE = "632521203914";

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDepartmentsSignalsOnTheTopicAreTakenAsTheApiTakesThemAndRefusalsAreListedForIt() {
		TestVillages.ensure(context, VILLAGE, "铁盖预警四村");
		var staff = StaffFixtures.from(context);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(EarlyWarningTests.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Opened officer = staff.active(StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		String unit = officer.unitId().value().toString();
		assertThat(admin.json("PUT", "/api/v1/monitoring-sources/" + unit,
				"{\"kinds\": [\"DISASTER_DAMAGE\"], \"agreement\": \"共民〔2026〕12号\"}").status()).isEqualTo(200);
		String idNumber = TestIdNumbers.fresh();
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"旦增\", \"idNumber\": \"%s\", \"residence\": \"%s\"}".formatted(idNumber, VILLAGE)));
		LocalDate today = LocalDate.now(WorkingDayCalendar.COUNTY);
		String flood = message(unit, "DISASTER_DAMAGE", "ZQ-" + UUID.randomUUID(), idNumber, today, "26000");
		String death = "SW-" + UUID.randomUUID();
		String future = "ZQ-" + UUID.randomUUID();

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("jijinan.monitoring-signal.v1", unit, flood));
			producer.send(new ProducerRecord<>("jijinan.monitoring-signal.v1", unit, flood));
			producer.send(new ProducerRecord<>("jijinan.monitoring-signal.v1", unit, "{\"source\": \"" + unit
					+ "\", \"kind\": \"DISASTER_DAMAGE\", \"occurredOn\": \"昨天\"}"));
			producer.send(new ProducerRecord<>("jijinan.monitoring-signal.v1", unit,
					message(unit, "DEATH", death, idNumber, today, null)));
			producer.send(new ProducerRecord<>("jijinan.monitoring-signal.v1", unit,
					message(unit, "DISASTER_DAMAGE", future, idNumber, today.plusDays(3), "9000")));
			producer.flush();
		}

		Visitor department = StaffFixtures.signedIn(port, officer);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Page refused = department.get("/api/v1/monitoring-signals/rejections");
			assertThat(refused.status()).as(refused.body()).isEqualTo(200);
			assertThat(refused.body()).contains(future);
		});
		Page refused = department.get("/api/v1/monitoring-signals/rejections");
		assertThat(refused.body()).contains("\"monitoring.message-malformed\"")
			.contains("{\"reference\":\"" + death + "\",\"code\":\"monitoring.kind-not-agreed\",\"arguments\":[\"DEATH\"]")
			.contains("{\"reference\":\"" + future + "\",\"code\":\"monitoring.occurred-on-future\"")
			.doesNotContain(idNumber);
		assertThat(jdbc.sql("select count(*) from monitoring_signal where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("the flood once, however often delivered; nothing of the refused").isEqualTo(1);
		assertThat(jdbc.sql("select severity from monitoring_warning where person_id = :person and rule_code = 'DISASTER_DAMAGE'")
			.param("person", UUID.fromString(person))
			.query(String.class)
			.single()).isEqualTo("ORANGE");
		assertThat(StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER)).get("/api/v1/monitoring-signals/rejections").body())
			.as("another department reads only its own refusals").isEqualTo("[]");
	}

	private static String message(String unit, String kind, String reference, String idNumber, LocalDate on,
			String amount) {
		return """
				{"messageId": "%s", "type": "monitoring-signal", "version": 1, "source": "%s", "kind": "%s",
				 "reference": "%s", "idNumber": "%s", "occurredOn": "%s"%s}"""
			.formatted(UUID.randomUUID(), unit, kind, reference, idNumber, on,
					amount == null ? "" : ", \"amount\": " + amount);
	}

}
