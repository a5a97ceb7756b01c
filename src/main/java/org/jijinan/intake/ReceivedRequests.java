package org.jijinan.intake;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a request just received: the busiest write of the platform (every channel, every storm day), so it is one
 * plain insert of the request's row and one of its causes, rather than the repository's mapping, which rendered and
 * bound the same 38 columns for a sixth of a request's CPU (docs/BENCHMARKS.md). The request's events are published
 * as the repository would publish them. Later changes to a request go through {@link HelpRequests} as before;
 * {@code ReceivedRequestsTests} checks that this insert writes every column the mapping knows.
 */
@Component
class ReceivedRequests {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReceivedRequests(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Stores the request (in the caller's transaction) and publishes its events.
	 * @return the request, stored
	 */
	HelpRequest store(HelpRequest request) {
		Map<String, @Nullable Object> row = request.receivedRow();
		jdbc.sql("insert into intake_help_request (" + String.join(", ", row.keySet()) + ", version) values ("
				+ row.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ", 0)")
			.params(row)
			.update();
		jdbc.sql("""
				insert into intake_help_request_cause (request_id, cause_code)
				select :id, unnest(string_to_array(:causes, ','))""")
			.param("id", row.get("id"))
			.param("causes", String.join(",", request.causeCodes()))
			.update();
		request.stored().forEach(events::publishEvent);
		return request;
	}

}
