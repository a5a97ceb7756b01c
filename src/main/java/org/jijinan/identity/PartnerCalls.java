package org.jijinan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calls partner systems make: each is limited per client (a token bucket of
 * {@link IdentitySettings#partnerCallsPerMinute()} per minute, per application node) and recorded with its method,
 * path (never the query string), outcome and duration, so an administrator can see what each system did and when.
 */
@Component
class PartnerCalls {

	private static final Logger log = LoggerFactory.getLogger(PartnerCalls.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perMinute;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	PartnerCalls(JdbcClient jdbc, Clock clock, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.perMinute = settings.partnerCallsPerMinute();
	}

	/**
	 * @return 0 when the client may call now, otherwise the seconds to wait
	 */
	long admit(String clientId) {
		var probe = buckets.computeIfAbsent(clientId, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
	}

	/**
	 * Records a finished call in its own statement (autocommit), whatever became of the call's transaction. The
	 * answer has left by then: when the record cannot be written, that is logged as an error, never turned into a
	 * second answer.
	 */
	void record(String clientId, String method, String path, int status, Instant started) {
		try {
			insert(clientId, method, path, status, started);
		}
		catch (DataAccessException failed) {
			log.error("Could not record the call {} {} of partner {} ({}): {}", method, path, clientId, status,
					failed.getMessage());
		}
	}

	private void insert(String clientId, String method, String path, int status, Instant started) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into identity_partner_call (client_id, method, path, status, millis, called_at)
				values (:client, :method, :path, :status, :millis, :at)""")
			.param("client", clientId)
			.param("method", method)
			.param("path", path.length() > 300 ? path.substring(0, 300) : path)
			.param("status", status)
			.param("millis", (int) Math.min(Integer.MAX_VALUE, Duration.between(started, now).toMillis()))
			.param("at", Timestamp.from(started))
			.update();
	}

	/**
	 * @return the client's latest calls, newest first
	 */
	List<Call> latest(String clientId, int limit) {
		return jdbc.sql("""
				select method, path, status, millis, called_at from identity_partner_call
				where client_id = :client order by called_at desc, id desc limit :limit""")
			.param("client", clientId)
			.param("limit", limit)
			.query((row, n) -> new Call(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
					row.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Forgets every client's bucket (tests share clients).
	 */
	void reset() {
		buckets.clear();
	}

	record Call(String method, String path, int status, int millis, Instant at) {
	}

}
