package org.jijinan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's JSON is written once for all its publications, and reads back as the event.
 */
class EventSerializationTests {

	record Received(String number, Instant at, BigDecimal amount, List<String> causes) {
	}

	private final EventSerialization serialization = new EventSerialization(JsonMapper.builder().build());

	private final Received event = new Received("JJN-20261128-000042", Instant.parse("2026-11-28T09:30:00Z"),
			new BigDecimal("1200.50"), List.of("FIRE", "MEDICAL"));

	@Test
	void writesTheSameEventsJsonOnceForItsPublications() {
		Object first = serialization.serialize(event);
		assertThat(serialization.serialize(event)).isSameAs(first);
		assertThat(serialization.serialize(event)).isSameAs(first);
	}

	@Test
	void writesAnotherEventAfreshEvenWhenItIsEqual() {
		Object first = serialization.serialize(event);
		Received equal = new Received(event.number(), event.at(), event.amount(), event.causes());
		Received other = new Received("JJN-20261128-000043", event.at(), event.amount(), event.causes());
		assertThat(serialization.serialize(equal)).isNotSameAs(first).isEqualTo(first);
		assertThat(serialization.serialize(other)).isNotEqualTo(first);
		assertThat(serialization.serialize(event)).as("the first again, after others").isEqualTo(first);
	}

	@Test
	void readsBackTheEventItWrote() {
		assertThat(serialization.deserialize(serialization.serialize(event), Received.class)).isEqualTo(event);
	}

	@Test
	void eachThreadKeepsItsOwnLastEvent() throws InterruptedException {
		Object mine = serialization.serialize(event);
		Received theirs = new Received("JJN-20261128-000099", event.at(), BigDecimal.ONE, List.of());
		Object[] written = new Object[1];
		Thread other = new Thread(() -> written[0] = serialization.serialize(theirs));
		other.start();
		other.join();
		assertThat(written[0].toString()).contains("000099");
		assertThat(serialization.serialize(event)).isSameAs(mine);
	}

}
