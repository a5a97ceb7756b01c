package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.Staff;
import org.jijinan.people.Beneficiaries;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.CopyRows;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.ImportRejected;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.RowProblem;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.TabularFile;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives signals — from departments under their agreements, and from the platform's own events — stores each once
 * per source reference with the ID number sealed, matches it to the registered person, and has the rules judge it.
 * A signal about someone not (yet) registered is kept unmatched and judged when they are registered.
 */
@Service
public class Signals implements SealedColumns {

	static final String SCOPE = "signals:write";

	static final String PLATFORM = "platform";

	private static final String ID_NUMBER = "monitoring.id-number";

	static final String DETAIL = "monitoring.detail";

	private static final BigDecimal LARGEST = new BigDecimal("1000000000");

	/** Rows per batch when a file's signals are stored. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Sealer sealer;

	private final Beneficiaries beneficiaries;

	private final SignalSources sources;

	private final SignalJudge judge;

	private final MonitoringSettings settings;

	private final Clock clock;

	private final javax.sql.DataSource dataSource;

	Signals(JdbcClient jdbc, Sealer sealer, Beneficiaries beneficiaries, SignalSources sources, SignalJudge judge,
			MonitoringSettings settings, Clock clock, javax.sql.DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.beneficiaries = beneficiaries;
		this.sources = sources;
		this.judge = judge;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A department's signal, from its system or typed in by its officer: refused unless its agreement names the kind;
	 * the same reference sent again with the same facts answers as the first time and stores nothing more.
	 */
	@Transactional
	public SignalReceipt receive(NewSignal given, Caller caller) {
		SignalKind kind = kind(given.kind());
		UUID unit = sourceUnit(caller);
		sources.requireAgreed(unit, kind);
		Facts facts = facts(given, kind);
		return store("unit:" + unit, facts);
	}

	/**
	 * A department's signal from the Kafka topic, whose cluster's access rules stand for the partner's token: refused
	 * unless the unit's agreement names the kind; repeated deliveries store nothing more.
	 */
	@Transactional
	SignalReceipt receiveFrom(UUID unit, NewSignal given) {
		SignalKind kind = kind(given.kind());
		sources.requireAgreed(unit, kind);
		return store("unit:" + unit, facts(given, kind));
	}

	/**
	 * A department's file of signals ({@link SignalFile}), taken whole or not at all: every row is checked first and
	 * a file with any bad row is refused with each of them listed; a reference sent before with other facts refuses
	 * the file too, and nothing of it is stored.
	 */
	@Transactional
	public FileOutcome receiveFile(String filename, byte[] content, Caller caller) {
		return receiveFile(sourceUnit(caller), filename, content);
	}

	/**
	 * A department's file, once its unit is known.
	 */
	@Transactional
	FileOutcome receiveFile(UUID unit, String filename, byte[] content) {
		Set<SignalKind> agreed = sources.agreed(unit);
		List<TabularFile.Row> rows = SignalFile.read(filename, content);
		List<RowProblem> problems = new ArrayList<>();
		List<Facts> checked = new ArrayList<>();
		Set<String> references = new HashSet<>();
		for (TabularFile.Row row : rows) {
			try {
				NewSignal given = SignalFile.signal(row);
				SignalKind kind = kind(given.kind());
				if (!agreed.contains(kind)) {
					throw new Forbidden("monitoring.kind-not-agreed", kind.name());
				}
				Facts facts = facts(given, kind);
				if (!references.add(facts.reference())) {
					throw new InvalidInput("monitoring.reference-repeated", facts.reference());
				}
				checked.add(facts);
			}
			catch (DomainProblem wrong) {
				problems.add(new RowProblem(row.line(), wrong.code(), wrong.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejected("monitoring.file-rejected", problems);
		}
		return storeAll("unit:" + unit, checked, rows);
	}

	/**
	 * Stores a checked file's signals at once: references received before are answered as before (or refuse the
	 * file, with other facts), the rest are matched to the registry at once, written with COPY, and
	 * judged in the order they arrived.
	 */
	private FileOutcome storeAll(String source, List<Facts> checked, List<TabularFile.Row> rows) {
		Map<String, Earlier> earlier = earlier(source, checked.stream().map(Facts::reference).toList());
		List<RowProblem> problems = new ArrayList<>();
		List<Facts> fresh = new ArrayList<>();
		int repeated = 0;
		for (int i = 0; i < checked.size(); i++) {
			Facts facts = checked.get(i);
			Earlier before = earlier.get(facts.reference());
			if (before == null) {
				fresh.add(facts);
			}
			else if (before.same(facts, hash(facts.idNumber()))) {
				repeated++;
			}
			else {
				problems.add(new RowProblem(rows.get(i).line(), "monitoring.reference-reused",
						new Object[] { facts.reference() }));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejected("monitoring.file-rejected", problems);
		}
		Map<String, Beneficiaries.Registered> registered = beneficiaries
			.registeredByIdNumber(fresh.stream().map(facts -> facts.idNumber().value()).collect(Collectors.toSet()));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Long> seqs = arrivalOrder(fresh.size());
		List<Signal> matched = new ArrayList<>();
		CopyRows stored = new CopyRows(fresh.size());
		for (int i = 0; i < fresh.size(); i++) {
			Facts facts = fresh.get(i);
			UUID id = UUID.randomUUID();
			Beneficiaries.Registered person = registered.get(facts.idNumber().value());
			UUID household = person == null ? null : householdKey(person);
			if (person != null) {
				matched.add(new Signal(seqs.get(i), id, facts.kind(), facts.occurredOn(), now, person.personId(),
						household, person.residencePath(), facts.amount(), facts.yearTotal(), facts.category()));
			}
			stored.row(seqs.get(i), id, source, facts.reference(), facts.kind().name(), facts.occurredOn(), now,
					sealer.seal(facts.idNumber().value(), ID_NUMBER), hash(facts.idNumber()), facts.amount(),
					facts.yearTotal(), facts.category(), facts.detail() == null ? null : sealer.seal(facts.detail(), DETAIL),
					person == null ? null : person.personId(), household,
					person == null ? null : person.residencePath());
		}
		SignalJudge.Histories before = judge.before(matched);
		copy(stored);
		judge.judgeArrived(matched, before);
		return new FileOutcome(fresh.size(), repeated, fresh.size() - matched.size());
	}

	/**
	 * @return the key a person's signals are judged under: their household, or themselves in none
	 */
	private static UUID householdKey(Beneficiaries.Registered person) {
		return person.householdId() == null ? person.personId() : person.householdId();
	}

	/**
	 * @return as many places in the order of arrival, drawn together, for signals written with COPY
	 */
	private List<Long> arrivalOrder(int count) {
		return jdbc.sql("""
				select nextval('monitoring_signal_seq_seq') from generate_series(1, :count)""")
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/**
	 * Stores a file's new signals with COPY; a reference another upload took meanwhile refuses the file.
	 */
	private void copy(CopyRows rows) {
		if (rows.isEmpty()) {
			return;
		}
		try {
			rows.copyIn(dataSource, """
					copy monitoring_signal (seq, id, source, reference, kind, occurred_on, received_at, id_number_sealed,
					     id_number_hash, amount, year_total, category, detail_sealed, person_id, household_key,
					     residence_path) from stdin""");
		}
		catch (java.sql.SQLException refused) {
			if ("23505".equals(refused.getSQLState())) {
				throw new Conflict("monitoring.reference-reused", "");
			}
			throw new org.springframework.jdbc.UncategorizedSQLException("COPY of signals", null, refused);
		}
	}

	/**
	 * @return what this source sent before under these references
	 */
	private Map<String, Earlier> earlier(String source, List<String> references) {
		Map<String, Earlier> earlier = new HashMap<>();
		for (int from = 0; from < references.size(); from += BATCH) {
			jdbc.sql("""
					select reference, kind, occurred_on, id_number_hash, amount, year_total from monitoring_signal
					 where source = :source and reference in (:references)""")
				.param("source", source)
				.param("references", references.subList(from, Math.min(references.size(), from + BATCH)))
				.query((row, n) -> earlier.put(row.getString(1), new Earlier(row.getString(2),
						row.getObject(3, LocalDate.class), row.getString(4), row.getBigDecimal(5), row.getBigDecimal(6))))
				.list();
		}
		return earlier;
	}

	/**
	 * What a reference brought the first time.
	 */
	private record Earlier(String kind, LocalDate occurredOn, @Nullable String idNumberHash,
			@Nullable BigDecimal amount, @Nullable BigDecimal yearTotal) {

		boolean same(Facts facts, String hash) {
			return kind.equals(facts.kind().name()) && occurredOn.equals(facts.occurredOn())
					&& Objects.equals(idNumberHash, hash) && sameAmount(amount, facts.amount())
					&& sameAmount(yearTotal, facts.yearTotal());
		}

	}

	/**
	 * A fact the platform itself observed about a registered person, judged in the transaction that observed it.
	 */
	void observe(String reference, SignalKind kind, LocalDate occurredOn, UUID personId, @Nullable UUID householdId,
			String residencePath, @Nullable BigDecimal amount, @Nullable BigDecimal yearTotal, @Nullable String category) {
		UUID id = UUID.randomUUID();
		UUID household = householdId == null ? personId : householdId;
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				insert into monitoring_signal (id, source, reference, kind, occurred_on, received_at, person_id,
				       household_key, residence_path, amount, year_total, category)
				values (:id, :source, :reference, :kind, :on, :at, :person, :household, :path, :amount, :total,
				        :category)
				on conflict (source, reference) do nothing
				returning seq""")
			.param("id", id)
			.param("source", PLATFORM)
			.param("reference", reference)
			.param("kind", kind.name())
			.param("on", occurredOn)
			.param("at", Timestamp.from(now))
			.param("person", personId)
			.param("household", household)
			.param("path", residencePath)
			.param("amount", amount)
			.param("total", yearTotal)
			.param("category", category)
			.query(Long.class)
			.optional()
			.ifPresent(seq -> judge.judge(new Signal(seq, id, kind, occurredOn, now, personId, household, residencePath,
					amount, yearTotal, category)));
	}

	/**
	 * A person was registered (or a provisional one identified): the signals about them that waited unmatched are
	 * matched now and judged in the order they arrived.
	 */
	void matchRegistered(String idNumber) {
		String hash = sealer.lookupHash(ResidentIdNumber.parse(idNumber).value(), ID_NUMBER);
		record Waiting(UUID id, LocalDate occurredOn) {
		}
		List<Waiting> waiting = jdbc.sql("""
				select id, occurred_on from monitoring_signal where id_number_hash = :hash and person_id is null
				 order by received_at, id""")
			.param("hash", hash)
			.query((row, n) -> new Waiting(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)))
			.list();
		for (Waiting signal : waiting) {
			beneficiaries.byIdNumber(idNumber, signal.occurredOn()).ifPresent(person -> {
				link(signal.id(), person);
				judge.judge(load(signal.id()).orElseThrow());
			});
		}
	}

	/**
	 * A fact the platform observed was undone (a settled bill reversed): its signal is deleted.
	 *
	 * @return the warnings it had joined
	 */
	List<UUID> withdraw(String reference) {
		List<UUID> warnings = jdbc.sql("""
				delete from monitoring_warning_signal
				 where signal_id = (select id from monitoring_signal where source = :source and reference = :reference)
				returning warning_id""")
			.param("source", PLATFORM)
			.param("reference", reference)
			.query(UUID.class)
			.list();
		jdbc.sql("delete from monitoring_signal where source = :source and reference = :reference")
			.param("source", PLATFORM)
			.param("reference", reference)
			.update();
		return warnings;
	}

	/**
	 * Stores one signal, matched to the registry in the same statement's values, and judges it from what was stored.
	 */
	private SignalReceipt store(String source, Facts facts) {
		UUID id = UUID.randomUUID();
		String number = facts.idNumber().value();
		Beneficiaries.Registered person = beneficiaries.registeredByIdNumber(Set.of(number)).get(number);
		UUID household = person == null ? null : householdKey(person);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<Long> stored = jdbc.sql("""
				insert into monitoring_signal (id, source, reference, kind, occurred_on, received_at, id_number_sealed,
				       id_number_hash, amount, year_total, category, detail_sealed, person_id, household_key,
				       residence_path)
				values (:id, :source, :reference, :kind, :on, :at, :sealed, :hash, :amount, :total, :category, :detail,
				        :person, :household, :path)
				on conflict (source, reference) do nothing
				returning seq""")
			.param("id", id)
			.param("source", source)
			.param("reference", facts.reference())
			.param("kind", facts.kind().name())
			.param("on", facts.occurredOn())
			.param("at", Timestamp.from(now))
			.param("sealed", sealer.seal(number, ID_NUMBER))
			.param("hash", hash(facts.idNumber()))
			.param("amount", facts.amount())
			.param("total", facts.yearTotal())
			.param("category", facts.category())
			.param("detail", facts.detail() == null ? null : sealer.seal(facts.detail(), DETAIL))
			.param("person", person == null ? null : person.personId())
			.param("household", household)
			.param("path", person == null ? null : person.residencePath())
			.query(Long.class)
			.optional();
		if (stored.isEmpty()) {
			return repeated(source, facts);
		}
		if (person == null) {
			return new SignalReceipt(id, facts.reference(), false, false);
		}
		judge.judge(new Signal(stored.get(), id, facts.kind(), facts.occurredOn(), now, person.personId(), household,
				person.residencePath(), facts.amount(), facts.yearTotal(), facts.category()));
		return new SignalReceipt(id, facts.reference(), true, false);
	}

	/**
	 * The same reference again: the same facts are answered as before, other facts are refused.
	 */
	private SignalReceipt repeated(String source, Facts facts) {
		return jdbc.sql("""
				select id, kind, occurred_on, id_number_hash, amount, year_total, person_id is not null
				  from monitoring_signal where source = :source and reference = :reference""")
			.param("source", source)
			.param("reference", facts.reference())
			.query((row, n) -> {
				boolean same = row.getString(2).equals(facts.kind().name())
						&& row.getObject(3, LocalDate.class).equals(facts.occurredOn())
						&& Objects.equals(row.getString(4), hash(facts.idNumber()))
						&& sameAmount(row.getBigDecimal(5), facts.amount())
						&& sameAmount(row.getBigDecimal(6), facts.yearTotal());
				if (!same) {
					throw new Conflict("monitoring.reference-reused", facts.reference());
				}
				return new SignalReceipt(row.getObject(1, UUID.class), facts.reference(), row.getBoolean(7), true);
			})
			.single();
	}

	private static boolean sameAmount(@Nullable BigDecimal stored, @Nullable BigDecimal given) {
		return stored == null ? given == null : given != null && stored.compareTo(given) == 0;
	}

	private void link(UUID signal, Beneficiaries.Beneficiary person) {
		jdbc.sql("""
				update monitoring_signal set person_id = :person, household_key = :household, residence_path = :path
				 where id = :id""")
			.param("person", person.personId())
			.param("household", person.householdId() == null ? person.personId() : person.householdId())
			.param("path", person.residencePath())
			.param("id", signal)
			.update();
	}

	Optional<Signal> load(UUID id) {
		return jdbc.sql("""
				select %s from monitoring_signal where id = :id and person_id is not null"""
			.formatted(SignalJudge.COLUMNS))
			.param("id", id)
			.query(SignalJudge::signal)
			.optional();
	}

	private String hash(ResidentIdNumber number) {
		return sealer.lookupHash(number.value(), ID_NUMBER);
	}

	/**
	 * The department a signal comes from: a partner system with the scope, or a department's officer.
	 */
	private static UUID sourceUnit(Caller caller) {
		if (caller instanceof PartnerClient partner && partner.scopes().contains(SCOPE)) {
			return partner.unit().id().value();
		}
		if (caller instanceof Staff staff && staff.hasRole("DEPARTMENT_OFFICER")) {
			return staff.unit().id().value();
		}
		throw new Forbidden("monitoring.signals-not-allowed");
	}

	static SignalKind kind(@Nullable String given) {
		if (given == null || given.isBlank()) {
			throw new InvalidInput("monitoring.kind-unknown", "");
		}
		String name = given.strip();
		return SignalKind.named(name)
			.orElseThrow(() -> new InvalidInput("monitoring.kind-unknown", name.length() > 30 ? name.substring(0, 30) : name));
	}

	/**
	 * Checks a signal's facts: a reference, a valid ID number, a day neither in the future nor past the retention
	 * period, the amount its kind needs.
	 */
	private Facts facts(NewSignal given, SignalKind kind) {
		String reference = given.reference() == null ? "" : given.reference().strip();
		if (reference.isEmpty() || reference.length() > 100) {
			throw new InvalidInput("monitoring.reference-required");
		}
		if (given.idNumber() == null || given.idNumber().isBlank()) {
			throw new InvalidInput("monitoring.id-number-required");
		}
		ResidentIdNumber idNumber = ResidentIdNumber.parse(given.idNumber());
		LocalDate today = LocalDate.now(clock.withZone(Warnings.COUNTY_ZONE));
		if (given.occurredOn() == null) {
			throw new InvalidInput("monitoring.occurred-on-required");
		}
		if (given.occurredOn().isAfter(today)) {
			throw new InvalidInput("monitoring.occurred-on-future");
		}
		if (given.occurredOn().isBefore(today.minusMonths(settings.retentionMonths()))) {
			throw new InvalidInput("monitoring.occurred-on-too-old", settings.retentionMonths());
		}
		BigDecimal amount = amount(given.amount());
		if (kind.needsAmount() && amount == null) {
			throw new InvalidInput("monitoring.amount-required");
		}
		String category = given.category() == null || given.category().isBlank() ? null : given.category().strip();
		if (kind == SignalKind.STANDING_ENDED && (category == null || !category.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("monitoring.category-required");
		}
		String detail = given.detail() == null || given.detail().isBlank() ? null : given.detail().strip();
		if (detail != null && detail.length() > 500) {
			throw new InvalidInput("monitoring.detail-too-long");
		}
		return new Facts(kind, reference, idNumber, given.occurredOn(), amount, amount(given.yearTotal()), category,
				detail);
	}

	private static @Nullable BigDecimal amount(@Nullable BigDecimal given) {
		if (given == null) {
			return null;
		}
		if (given.signum() < 0 || given.compareTo(LARGEST) >= 0 || given.stripTrailingZeros().scale() > 2) {
			throw new InvalidInput("monitoring.amount-invalid");
		}
		return given.setScale(2, RoundingMode.UNNECESSARY);
	}

	/**
	 * @return the signals of the caller's department that the Kafka topic refused in the last 30 days, newest first
	 */
	@Transactional(readOnly = true)
	public List<SignalRejection> rejections(Caller caller) {
		return jdbc.sql("""
				select reference, code, arguments, rejected_at from monitoring_signal_rejection
				 where source_unit = :unit and rejected_at >= :since order by rejected_at desc limit 500""")
			.param("unit", sourceUnit(caller))
			.param("since", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(30))))
			.query((row, n) -> new SignalRejection(row.getString(1), row.getString(2),
					List.of((String[]) row.getArray(3).getArray()), row.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * A signal the Kafka topic refused.
	 *
	 * @param reference the department's reference, when the message had one
	 * @param code why, as the API's problem code would say
	 * @param arguments the problem's arguments (a kind, a number of months), as its message shows them
	 * @param rejectedAt when
	 */
	public record SignalRejection(@Nullable String reference, String code, List<String> arguments,
			java.time.Instant rejectedAt) {
	}

	/**
	 * @return the kinds the caller's department may send (empty without an agreement), for its upload page
	 */
	@Transactional(readOnly = true)
	public Set<SignalKind> agreedKinds(Caller caller) {
		try {
			return sources.agreed(sourceUnit(caller));
		}
		catch (Forbidden none) {
			return Set.of();
		}
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("monitoring_signal", "id_number_sealed", ID_NUMBER),
				new Column("monitoring_signal", "detail_sealed", DETAIL));
	}

	private record Facts(SignalKind kind, String reference, ResidentIdNumber idNumber, LocalDate occurredOn,
			@Nullable BigDecimal amount, @Nullable BigDecimal yearTotal, @Nullable String category,
			@Nullable String detail) {
	}

	/**
	 * What a department's file brought.
	 *
	 * @param received signals stored now
	 * @param repeated signals received before with the same facts
	 * @param unmatched of those stored now, signals about someone not registered (kept until they are)
	 */
	public record FileOutcome(int received, int repeated, int unmatched) {
	}

	/**
	 * What the platform answers a department for a signal.
	 *
	 * @param id the stored signal
	 * @param reference the department's reference
	 * @param matched whether it is about a registered person (an unmatched one waits for their registration)
	 * @param repeated whether the reference had been received before (nothing more was stored)
	 */
	public record SignalReceipt(UUID id, String reference, boolean matched, boolean repeated) {
	}

}
