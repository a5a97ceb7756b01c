package org.jijinan.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.AuditableEvents;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit module's front door. Appends a record for every {@link AuditableEvent} (and each of the changes an
 * {@link AuditableEvents} reports together) inside the transaction that published it (so the change and its record
 * commit or roll back together), serialising appends on the head row of the acting county's chain, and lists recent
 * records.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ChainMac mac;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditSettings settings;

	AuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ChainMac mac, JsonMapper json, Clock clock,
			AuditSettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.mac = mac;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(AuditableEvent event) {
		String actor = event.auditActor() != null ? event.auditActor() : currentActor();
		append(actor, event.auditAction(), event.auditSubjectType(), event.auditSubjectId(), event.auditResult(),
				event.auditDetails());
	}

	@EventListener
	@Transactional
	void on(AuditableEvents events) {
		String current = currentActor();
		List<Draft> drafts = events.auditables()
			.stream()
			.map(event -> new Draft(event.auditActor() != null ? event.auditActor() : current, event.auditAction(),
					event.auditSubjectType(), event.auditSubjectId(), event.auditResult(), event.auditDetails()))
			.toList();
		appendAll(drafts);
	}

	/**
	 * A record to be appended.
	 */
	record Draft(String actor, String action, String subjectType, String subjectId, String result,
			Map<String, String> details) {
	}

	/**
	 * Appends one record to the chain.
	 * @param actor who acted
	 * @param action what happened
	 * @param subjectType the kind of thing concerned
	 * @param subjectId which one
	 * @param result {@code SUCCESS} or {@code FAILURE}
	 * @param details further facts, free of personal data
	 * @return the stored record
	 */
	@Transactional
	public AuditEntry append(String actor, String action, String subjectType, String subjectId, String result,
			Map<String, String> details) {
		return appendAll(List.of(new Draft(actor, action, subjectType, subjectId, result, details))).get(0);
	}

	/**
	 * Appends records in order to the chain of the county the current caller works in, under one lock of that
	 * chain's head: each record's MAC covers the one before it in the chain. Other counties' appends do not wait.
	 */
	private List<AuditEntry> appendAll(List<Draft> drafts) {
		return appendAll(chainOfCaller(), drafts);
	}

	/**
	 * Appends records in order to one chain, under one lock of its head.
	 */
	List<AuditEntry> appendAll(String chain, List<Draft> drafts) {
		if (drafts.isEmpty()) {
			return List.of();
		}
		Head head = lockHead(chain, drafts.size());
		long position = head.sequence();
		String previous = head.mac();
		List<Long> sequences = head.sequences();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String address = clientAddress();
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			Draft record = drafts.get(i);
			position++;
			var draft = new AuditEntry(sequences.get(i), chain, position, now, limit(record.actor(), 100),
					limit(record.action(), 80), limit(record.subjectType(), 40), limit(record.subjectId(), 100),
					record.result(), address, json.writeValueAsString(new TreeMap<>(record.details())), previous, "");
			var entry = new AuditEntry(draft.sequence(), chain, position, draft.occurredAt(), draft.actor(),
					draft.action(), draft.subjectType(), draft.subjectId(), draft.result(), draft.clientAddress(),
					draft.details(), draft.previousMac(), mac.of(draft.canonical()));
			entries.add(entry);
			previous = entry.mac();
		}
		insert(entries);
		AuditEntry last = entries.get(entries.size() - 1);
		jdbc.sql("update audit_chain set sequence = :sequence, mac = :mac, head_mac = :headMac where chain = :chain")
			.param("sequence", last.chainSequence())
			.param("mac", last.mac())
			.param("headMac", mac.head(chain, last.chainSequence(), last.mac()))
			.param("chain", chain)
			.update();
		return entries;
	}

	/**
	 * @param count how many records will be appended
	 * @return the chain's head, locked until the transaction ends, with the trail's sequence numbers for the records
	 * (one statement); a county's first record starts its chain
	 */
	private Head lockHead(String chain, int count) {
		for (int attempt = 0; attempt < 2; attempt++) {
			Optional<Head> head = jdbc.sql("""
					select sequence, mac, array(select nextval('audit_record_sequence') from generate_series(1, :count))
					  from audit_chain where chain = :chain for update""")
				.param("chain", chain)
				.param("count", count)
				.query((row, number) -> new Head(row.getLong(1), row.getString(2),
						List.of((Long[]) row.getArray(3).getArray())))
				.optional();
			if (head.isPresent()) {
				return head.get();
			}
			jdbc.sql("""
					insert into audit_chain (chain, sequence, mac, head_mac) values (:chain, 0, :genesis, 'genesis')
					on conflict (chain) do nothing""")
				.param("chain", chain)
				.param("genesis", ChainMac.GENESIS)
				.update();
		}
		throw new IllegalStateException("audit chain " + chain + " has no head");
	}

	private record Head(long sequence, String mac, List<Long> sequences) {
	}

	/**
	 * @return the chain of the county (or prefecture or province) of the caller's unit; the platform's own chain for
	 * the system and the public, or when the deployment keeps one chain
	 */
	private String chainOfCaller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (settings.chainPerCounty() && authentication != null
				&& authentication.getPrincipal() instanceof Caller caller && caller.homeDivision() != null) {
			return caller.homeDivision().value().substring(0, 6);
		}
		return AuditEntry.PLATFORM;
	}

	/**
	 * @param limit how many
	 * @return the latest records, newest first
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("select * from audit_record order by sequence desc limit :limit")
			.param("limit", limit)
			.query(AuditRecords::map)
			.list();
	}

	/**
	 * The records that match a search, newest first, one page at a time.
	 * @param search what to look for
	 * @param offset how many matching records to skip
	 * @param limit how many to return at most
	 * @return the records
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(Search search, int offset, int limit) {
		if (search.actors() != null && search.actors().isEmpty()) {
			return List.of();
		}
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		condition(conditions, params, "actor in (:actors)", "actors", search.actors());
		condition(conditions, params, "action = :action", "action", search.action());
		condition(conditions, params, "occurred_at >= :from", "from",
				search.from() == null ? null : Timestamp.from(search.from()));
		condition(conditions, params, "occurred_at < :until", "until",
				search.until() == null ? null : Timestamp.from(search.until()));
		condition(conditions, params, "subject_type = :subjectType", "subjectType", search.subjectType());
		condition(conditions, params, "subject_id in (:subjects)", "subjects", search.subjects());
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc.sql("select * from audit_record" + where + " order by sequence desc limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditRecords::map)
			.list();
	}

	private static void condition(List<String> conditions, Map<String, Object> params, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.put(name, value);
		}
	}

	/**
	 * What to look for in the trail; each part left {@code null} matches every record.
	 *
	 * @param actors who acted (login names); an empty list matches nothing
	 * @param action what happened
	 * @param from the earliest moment
	 * @param until the moment the records end before
	 * @param subjectType the kind of thing concerned
	 * @param subjects which ones (numbers or ids)
	 */
	public record Search(@Nullable List<String> actors, @Nullable String action, @Nullable Instant from,
			@Nullable Instant until, @Nullable String subjectType, @Nullable List<String> subjects) {
	}

	private void insert(List<AuditEntry> entries) {
		jdbcTemplate.batchUpdate("""
				insert into audit_record (sequence, chain, chain_sequence, occurred_at, actor, action, subject_type,
				                          subject_id, result, client_address, details, previous_mac, mac)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries.stream()
			.map(entry -> new Object[] { entry.sequence(), entry.chain(), entry.chainSequence(),
					Timestamp.from(entry.occurredAt()), entry.actor(),
					entry.action(), entry.subjectType(), entry.subjectId(), entry.result(), entry.clientAddress(),
					entry.details(), entry.previousMac(), entry.mac() })
			.toList());
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return caller.name();
		}
		return "system";
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return limit(request.getRemoteAddr(), 60);
		}
		return null;
	}

	private static String limit(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}

}
