package org.jijinan.intake;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes requests by hand on the two busiest paths: a request received (every channel, every storm day) and a
 * township's decision on it (accepted, refused, kept apart, merged, forwarded). The repository's mapping rendered and
 * bound all 38 columns for each, and on a decision deleted and re-inserted the request's causes, for a sixth of a
 * request's CPU (docs/BENCHMARKS.md); here a received request is one insert of its row and one of its causes, and a
 * decision one update of the columns a decision can change, checked against the version read (as the repository
 * checks it). The request's events are published as the repository publishes them. Requests are still read through
 * {@link HelpRequests}; {@code RequestStoreTests} checks these writes against the repository's mapping.
 */
@Component
class RequestStore {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	RequestStore(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Stores a request just received (in the caller's transaction) and publishes its events.
	 * @return the request, stored
	 */
	HelpRequest received(HelpRequest request) {
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

	/**
	 * Stores a township's decision on a request read in this transaction and publishes its events.
	 * @return the request, stored
	 * @throws OptimisticLockingFailureException when someone else changed the request since it was read
	 */
	HelpRequest decided(HelpRequest request) {
		Map<String, @Nullable Object> row = request.decisionRow();
		String changes = row.keySet()
			.stream()
			.filter(column -> !column.equals("id") && !column.equals("version"))
			.map(column -> column + " = :" + column)
			.collect(Collectors.joining(", "));
		int updated = jdbc.sql("update intake_help_request set " + changes
				+ ", version = version + 1 where id = :id and version = :version")
			.params(row)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("help request changed since it was read");
		}
		request.stored().forEach(events::publishEvent);
		return request;
	}

}
