package org.jijinan.sharing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitKind;
import org.jijinan.identity.UnitView;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.people.Beneficiaries;
import org.jijinan.relief.AssistanceRecords;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Digests;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.ImportRejected;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RowProblem;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.TabularFile;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assistance departments gave (部门救助信息), reported by their systems through the API or by their officers as a
 * file: each report names the person by ID number, who must be registered and live in the department's county; it
 * is stored once per department and reference and enters the household's assistance chain, where the
 * duplicate-assistance check sees it. A file is taken whole or not at all.
 */
@Service
public class DepartmentAssistance {

	static final String SCOPE = "assistance-records:write";

	static final int MAX_ROWS = 5_000;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

	private final JdbcClient jdbc;

	private final Beneficiaries beneficiaries;

	private final AssistanceRecords chain;

	private final IntakeDesk intake;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DepartmentAssistance(JdbcClient jdbc, Beneficiaries beneficiaries, AssistanceRecords chain, IntakeDesk intake,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.beneficiaries = beneficiaries;
		this.chain = chain;
		this.intake = intake;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One report from a department's system or officer.
	 * @return the report and whether it was new (a repeat of the same report changes nothing)
	 * @throws Conflict {@code sharing.report-conflict} when the reference was used for other content
	 */
	@Transactional
	public Outcome report(Report report, Caller caller) {
		Giver giver = giver(caller);
		Checked checked = check(report, giver, today(), knownCauses());
		Outcome outcome = store(checked, giver, null);
		if (outcome.conflicting()) {
			throw new Conflict("sharing.report-conflict", checked.reference());
		}
		if (outcome.created()) {
			events.publishEvent(new ReportReceived(giver.unit().id().value(), checked.reference(),
					checked.scheme().name(), checked.amount().toPlainString(), giver.name()));
		}
		return outcome;
	}

	/**
	 * A file of reports (CSV or XLSX, one header row): every row is checked first and the file is refused as a whole
	 * when any row is wrong, listing each; otherwise all are stored in one transaction.
	 * @return how many reports were new and how many had been received before
	 */
	@Transactional
	public FileOutcome reportFile(String filename, byte[] content, Caller caller) {
		Giver giver = giver(caller);
		List<TabularFile.Row> rows = ReportFiles.read(filename, content, MAX_ROWS);
		LocalDate today = today();
		Set<String> causes = knownCauses();
		List<RowProblem> problems = new ArrayList<>();
		List<Checked> checked = new ArrayList<>();
		Set<String> references = new HashSet<>();
		for (TabularFile.Row row : rows) {
			try {
				Checked one = check(ReportFiles.report(row), giver, today, causes);
				if (!references.add(one.reference())) {
					throw new InvalidInput("sharing.reference-repeated", one.reference());
				}
				checked.add(one);
			}
			catch (DomainProblem wrong) {
				problems.add(new RowProblem(row.line(), wrong.code(), wrong.arguments()));
			}
		}
		if (rows.isEmpty()) {
			throw new InvalidInput("sharing.file-empty");
		}
		String sha256 = Digests.sha256(content);
		int added = 0;
		int repeated = 0;
		if (problems.isEmpty()) {
			for (int i = 0; i < checked.size(); i++) {
				Outcome outcome = store(checked.get(i), giver, sha256);
				if (outcome.conflicting()) {
					problems.add(new RowProblem(rows.get(i).line(), "sharing.report-conflict", checked.get(i).reference()));
				}
				else if (outcome.created()) {
					added++;
				}
				else {
					repeated++;
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejected("sharing.file-rejected", problems);
		}
		events.publishEvent(new FileReceived(giver.unit().id().value(), giver.name(), filename, sha256, added, repeated));
		return new FileOutcome(added, repeated, sha256);
	}

	/**
	 * @return the department's latest reports, newest first, with the person's name masked
	 */
	@Transactional(readOnly = true)
	public List<Reported> latest(Caller caller, int limit) {
		Giver giver = giver(caller);
		return jdbc.sql("""
				select id, reference, scheme, cause, person_id, amount, goods, given_on, reported_by, received_at
				  from sharing_department_report where unit_id = :unit order by received_at desc, reference limit :limit""")
			.param("unit", giver.unit().id().value())
			.param("limit", limit)
			.query((row, n) -> new Reported(row.getObject("id", UUID.class), row.getString("reference"),
					row.getString("scheme"), row.getString("cause"), row.getObject("person_id", UUID.class),
					row.getBigDecimal("amount"), row.getString("goods"), row.getObject("given_on", LocalDate.class),
					row.getString("reported_by"), row.getTimestamp("received_at").toInstant()))
			.list();
	}

	/**
	 * @return the schemes the caller's unit may report
	 */
	public List<DepartmentScheme> schemesOf(Caller caller) {
		UnitKind kind = giver(caller).unit().kind();
		return Arrays.stream(DepartmentScheme.values()).filter(scheme -> scheme.givenBy(kind)).toList();
	}

	private Outcome store(Checked checked, Giver giver, @Nullable String fileSha256) {
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				insert into sharing_department_report (id, unit_id, reference, scheme, cause, person_id, household_id,
				       amount, goods, given_on, content_hash, file_sha256, reported_by, received_at)
				values (:id, :unit, :reference, :scheme, :cause, :person, :household, :amount, :goods, :givenOn,
				        :hash, :file, :by, :at)
				on conflict (unit_id, reference) do nothing""")
			.param("id", UUID.randomUUID())
			.param("unit", giver.unit().id().value())
			.param("reference", checked.reference())
			.param("scheme", checked.scheme().name())
			.param("cause", checked.cause())
			.param("person", checked.who().personId())
			.param("household", checked.who().householdId())
			.param("amount", checked.amount())
			.param("goods", checked.goods())
			.param("givenOn", checked.givenOn())
			.param("hash", checked.contentHash())
			.param("file", fileSha256)
			.param("by", giver.name())
			.param("at", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			String earlier = jdbc.sql("select content_hash from sharing_department_report where unit_id = :unit and reference = :reference")
				.param("unit", giver.unit().id().value())
				.param("reference", checked.reference())
				.query(String.class)
				.single();
			return new Outcome(checked.reference(), checked.scheme().name(), false, !earlier.equals(checked.contentHash()));
		}
		chain.record(new AssistanceRecords.Received(checked.scheme().name(), checked.cause(),
				giver.unit().id().value() + "/" + checked.reference(), checked.who().householdId(),
				checked.who().personId(), checked.who().name(), townshipPath(checked.who().residencePath()), null,
				checked.amount(), checked.goods(), giver.name(), giver.unit().name(),
				checked.givenOn().atStartOfDay(CHINA).toInstant()));
		return new Outcome(checked.reference(), checked.scheme().name(), true, false);
	}

	private Checked check(Report report, Giver giver, LocalDate today, Set<String> knownCauses) {
		String reference = report.reference() == null ? "" : report.reference().strip();
		if (!reference.matches("[A-Za-z0-9][A-Za-z0-9_./-]{0,59}")) {
			throw new InvalidInput("sharing.reference-invalid");
		}
		DepartmentScheme scheme = DepartmentScheme.parse(report.scheme() == null ? "" : report.scheme().strip())
			.orElseThrow(() -> new InvalidInput("sharing.scheme-unknown"));
		if (!scheme.givenBy(giver.unit().kind())) {
			throw new RuleViolation("sharing.scheme-not-yours", scheme.name());
		}
		String cause = report.cause() == null || report.cause().isBlank() ? null : report.cause().strip();
		if (cause != null && !knownCauses.contains(cause)) {
			throw new InvalidInput("sharing.cause-unknown", cause);
		}
		BigDecimal amount = report.amount();
		String goods = report.goods() == null || report.goods().isBlank() ? null : report.goods().strip();
		if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2
				|| amount.signum() == 0 && goods == null) {
			throw new InvalidInput("sharing.amount-invalid");
		}
		if (goods != null && goods.length() > 200) {
			throw new InvalidInput("sharing.goods-too-long");
		}
		LocalDate givenOn = report.givenOn();
		if (givenOn == null || givenOn.isAfter(today) || givenOn.isBefore(today.minusYears(1))) {
			throw new InvalidInput("sharing.given-on-invalid");
		}
		String idNumber = report.idNumber() == null ? "" : report.idNumber().strip();
		Beneficiaries.Beneficiary who = beneficiaries.byIdNumber(idNumber, today)
			.orElseThrow(() -> new RuleViolation("sharing.person-unknown"));
		if (!who.residencePath().contains("/" + giver.unit().divisionCode().value() + "/")) {
			throw new Forbidden("sharing.person-outside-scope");
		}
		BigDecimal money = amount.setScale(2);
		String content = String.join("|", scheme.name(), cause == null ? "" : cause, who.personId().toString(),
				money.toPlainString(), goods == null ? "" : goods, givenOn.toString());
		return new Checked(reference, scheme, cause, who, money, goods, givenOn, Digests.sha256(content));
	}

	private static Giver giver(Caller caller) {
		UnitView unit;
		if (caller instanceof PartnerClient partner && partner.scopes().contains(SCOPE)) {
			unit = partner.unit();
		}
		else if (caller instanceof Staff staff && staff.hasRole("DEPARTMENT_OFFICER")) {
			unit = staff.unit();
		}
		else {
			throw new Forbidden("sharing.not-allowed");
		}
		if (!UnitKind.departments().contains(unit.kind())) {
			throw new Forbidden("sharing.not-allowed");
		}
		return new Giver(unit, caller.name());
	}

	/**
	 * @return the path down to the township ({@code /630000/632500/632521/632521101/}) of a residence path
	 */
	static String townshipPath(String residencePath) {
		StringBuilder path = new StringBuilder("/");
		for (String code : residencePath.split("/")) {
			if (code.isEmpty()) {
				continue;
			}
			path.append(code).append('/');
			if (code.length() >= 9) {
				break;
			}
		}
		return path.toString();
	}

	/**
	 * @return the hardship causes' codes, read once per report or file
	 */
	private Set<String> knownCauses() {
		Set<String> codes = new HashSet<>();
		intake.causes().forEach(cause -> codes.add(cause.code()));
		return codes;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	private record Giver(UnitView unit, String name) {
	}

	private record Checked(String reference, DepartmentScheme scheme, @Nullable String cause,
			Beneficiaries.Beneficiary who, BigDecimal amount, @Nullable String goods, LocalDate givenOn,
			String contentHash) {
	}

	/**
	 * A department's report of assistance it gave.
	 *
	 * @param reference the department's own reference, unique within the department
	 * @param idNumber the person's citizen ID number
	 * @param scheme a {@link DepartmentScheme} the department gives
	 * @param cause the hardship cause, when the department knows it
	 * @param amount cash, or the value of goods, in yuan with at most two decimals
	 * @param goods what goods were given
	 * @param givenOn when (within the last year)
	 */
	public record Report(@Nullable String reference, @Nullable String idNumber, @Nullable String scheme,
			@Nullable String cause, @Nullable BigDecimal amount, @Nullable String goods, @Nullable LocalDate givenOn) {

		@Override
		public String toString() {
			return "Report[" + reference + "]";
		}

	}

	/**
	 * What became of a report.
	 *
	 * @param created whether it was new
	 * @param conflicting whether the reference had been used for other content
	 */
	public record Outcome(String reference, String scheme, boolean created, boolean conflicting) {
	}

	/**
	 * What became of a file.
	 */
	public record FileOutcome(int added, int alreadyReceived, String sha256) {
	}

	/**
	 * A stored report as the department sees it again.
	 */
	public record Reported(UUID id, String reference, String scheme, @Nullable String cause, UUID personId,
			BigDecimal amount, @Nullable String goods, LocalDate givenOn, String reportedBy, Instant receivedAt) {
	}

	record ReportReceived(UUID unitId, String reference, String scheme, String amount, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "sharing.department-assistance-reported";
		}

		@Override
		public String auditSubjectType() {
			return "department-report";
		}

		@Override
		public String auditSubjectId() {
			return unitId + "/" + reference;
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("scheme", scheme, "amount", amount);
		}

	}

	record FileReceived(UUID unitId, String by, String filename, String sha256, int added, int repeated)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "sharing.department-file-received";
		}

		@Override
		public String auditSubjectType() {
			return "department-file";
		}

		@Override
		public String auditSubjectId() {
			return sha256;
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("unit", unitId.toString(), "added", String.valueOf(added), "repeated",
					String.valueOf(repeated), "file", filename.length() > 100 ? filename.substring(0, 100) : filename);
		}

	}

}
