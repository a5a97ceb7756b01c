package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jijinan.shared.DomainProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Departments' signals over Kafka, when a cluster is configured ({@code spring.kafka.bootstrap-servers}): each
 * message is one signal, taken as the API takes it — under the source's agreement, idempotent per source and
 * reference. A refused message has nobody to answer, so its refusal is kept with its stable code for the department
 * to read through the API; a failure of the platform itself (the database away) is retried until it passes, holding
 * the partition's later messages back rather than losing any.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class SignalTopic {

	/** The topic departments send signals to. */
	static final String TOPIC = "${jijinan.monitoring.signal-topic:jijinan.monitoring-signal.v1}";

	private static final Logger log = LoggerFactory.getLogger(SignalTopic.class);

	private final Signals signals;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignalTopic(Signals signals, JsonMapper json, JdbcClient jdbc, Clock clock) {
		this.signals = signals;
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The topic, created when the cluster lacks it, with the broker's default replication. */
	@Bean
	NewTopic monitoringSignalTopic(org.springframework.core.env.Environment environment) {
		return TopicBuilder.name(environment.resolvePlaceholders(TOPIC)).partitions(3).build();
	}

	/** The platform's own failures are retried every five seconds until they pass; nothing is skipped. */
	@Bean
	CommonErrorHandler retryUntilStored() {
		return new DefaultErrorHandler(new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS));
	}

	@KafkaListener(id = "monitoring-signals", topics = TOPIC,
			groupId = "${jijinan.monitoring.signal-group:jijinan-monitoring}",
			properties = "auto.offset.reset=earliest")
	void on(ConsumerRecord<?, ?> record) {
		SignalMessage message;
		try {
			message = json.readValue(text(record.value()), SignalMessage.class);
		}
		catch (JacksonException | IllegalArgumentException malformed) {
			refused(record, keyedSource(record), null, "monitoring.message-malformed", new Object[0]);
			return;
		}
		if (message == null || message.source() == null) {
			refused(record, keyedSource(record), message == null ? null : message.reference(),
					"monitoring.message-source-required", new Object[0]);
			return;
		}
		try {
			signals.receiveFrom(message.source(), message.signal());
		}
		catch (DomainProblem refused) {
			refused(record, message.source(), message.reference(), refused.code(), refused.arguments());
		}
	}

	/** The key names the sending unit by contract: what a refusal is filed under when the message itself cannot say. */
	private static @Nullable UUID keyedSource(ConsumerRecord<?, ?> record) {
		try {
			return UUID.fromString(text(record.key()).strip());
		}
		catch (IllegalArgumentException notAUnit) {
			return null;
		}
	}

	/** The message as text, whichever deserializer the cluster's settings name. */
	private static String text(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalArgumentException("Not a text message");
	}

	private void refused(ConsumerRecord<?, ?> record, @Nullable UUID source, @Nullable String reference,
			String code, Object[] arguments) {
		String kept = reference == null ? null : reference.length() > 100 ? reference.substring(0, 100) : reference;
		jdbc.sql("""
				insert into monitoring_signal_rejection (topic, partition_no, record_offset, source_unit, reference, code,
				                                         arguments, rejected_at)
				values (:topic, :partition, :offset, :source, :reference, :code, :arguments, :at)
				on conflict do nothing""")
			.param("topic", record.topic())
			.param("partition", record.partition())
			.param("offset", record.offset())
			.param("source", source)
			.param("reference", kept)
			.param("code", code)
			.param("arguments", java.util.Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new))
			.param("at", Timestamp.from(clock.instant()))
			.update();
		log.info("Signal message refused: {} (topic {}, partition {}, offset {})", code, record.topic(),
				record.partition(), record.offset());
	}

	/**
	 * One signal on the topic: the fields of {@link NewSignal} and the department's unit.
	 *
	 * @param source the sending department's unit id
	 */
	record SignalMessage(@Nullable UUID source, @Nullable String kind, @Nullable String reference,
			@Nullable String idNumber, @Nullable LocalDate occurredOn, @Nullable BigDecimal amount,
			@Nullable BigDecimal yearTotal, @Nullable String category, @Nullable String detail) {

		NewSignal signal() {
			return new NewSignal(kind, reference, idNumber, occurredOn, amount, yearTotal, category, detail);
		}

		@Override
		public String toString() {
			return "SignalMessage[" + source + ", " + kind + ", " + reference + "]";
		}

	}

}
