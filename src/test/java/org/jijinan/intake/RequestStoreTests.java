package org.jijinan.intake;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written writes of a request ({@link RequestStore}) against the repository's mapping of the same aggregate:
 * a column added to {@link HelpRequest} and forgotten in the insert, or a field a decision can change and forgotten in
 * the update, fails here, not on a storm day. That the stored rows read back as written is what every intake test
 * does through the API.
 */
class RequestStoreTests {

	@Test
	void theInsertWritesEveryColumnTheRepositoryMaps() {
		var entity = new JdbcMappingContext().getRequiredPersistentEntity(HelpRequest.class);
		Set<String> mapped = new TreeSet<>();
		entity.doWithProperties((org.springframework.data.mapping.PropertyHandler<
				org.springframework.data.relational.core.mapping.RelationalPersistentProperty>) property -> {
			if (!property.isCollectionLike() && !property.isVersionProperty()) {
				mapped.add(property.getColumnName().getReference());
			}
		});

		assertThat(mapped).hasSizeGreaterThan(30).contains("id", "number", "urgent_repeats", "language");
		assertThat(new TreeSet<>(received().receivedRow().keySet())).isEqualTo(mapped);
	}

	@Test
	void theDecisionWritesEveryFieldThatIsNotFixedOnceReceived() {
		var entity = new JdbcMappingContext().getRequiredPersistentEntity(HelpRequest.class);
		Set<String> changeable = new TreeSet<>(Set.of("id", "version"));
		entity.doWithProperties((org.springframework.data.mapping.PropertyHandler<
				org.springframework.data.relational.core.mapping.RelationalPersistentProperty>) property -> {
			if (property.getField() != null && !Modifier.isFinal(property.getField().getModifiers())) {
				changeable.add(property.getColumnName().getReference());
			}
		});

		assertThat(changeable).contains("status", "decided_by", "duplicate_clearance_note");
		assertThat(new TreeSet<>(received().decisionRow().keySet())).isEqualTo(changeable);
	}

	@Test
	void aStoredRequestHandsOverItsEventOnce() {
		HelpRequest request = received();

		assertThat(request.stored()).singleElement()
			.isInstanceOfSatisfying(HelpRequestReceived.class, event -> {
				assertThat(event.number()).isEqualTo("QH20261207000001");
				assertThat(event.causes()).containsExactly("FIRE");
			});
		assertThat(request.stored()).isEmpty();
	}

	private static HelpRequest received() {
		var spec = new NewHelpRequest(Channel.WINDOW, Urgency.NORMAL, "邻居老王", ReporterRelation.NEIGHBOUR, null,
				UUID.randomUUID(), "才让", null, "632521101201", null, "昨夜房屋失火", Set.of("FIRE"), false, null, null,
				null);
		Instant now = Instant.parse("2026-12-07T02:00:00Z");
		return HelpRequest.receive(new Intake(spec, "QH20261207000001", DivisionCode.of("632521101201"),
				DivisionCode.of("632521101"), "/630000/632500/632521/632521101/", "clerk", "恰卜恰镇人民政府", now,
				now.plusSeconds(86_400), new Intake.SealedPhone("v1:sealed", "139****0000", "hash"), null, null, 0));
	}

}
