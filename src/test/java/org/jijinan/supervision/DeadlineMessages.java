package org.jijinan.supervision;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox messages the deadline sweep's warnings and escalations of one step left in notify's outbox, by stage
 * ({@code WARNING}, {@code OVERDUE}, {@code SUPERVISOR}).
 */
public final class DeadlineMessages {

	private final JdbcClient jdbc;

	public DeadlineMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long count(UUID step, String level) {
		return jdbc.sql("select count(*) from notify_message where source_key like :key")
			.param("key", "deadline:" + step + ":" + level + "%")
			.query(Long.class)
			.single();
	}

	public List<String> recipients(UUID step, String level) {
		return jdbc.sql("select recipient_masked from notify_message where source_key like :key")
			.param("key", "deadline:" + step + ":" + level + "%")
			.query(String.class)
			.list();
	}

}
