package org.jijinan.relief;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jijinan.budget.Budgets;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseStatus;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.CrashPoints;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.KeyRing;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments (社会化发放): approved cash becomes a payment order in the approval's own transaction; pending orders of an
 * area are put in a batch in one transaction (all of them or none — a crash leaves nothing half-batched); the batch
 * gives the bank's payout file; the bank's result file marks each order paid or failed, once however often it is
 * imported; a failed order may be re-issued. The database allows one live order per decision.
 */
@Service
public class Payments {

	static final Set<String> PAYERS = Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER", "TOWNSHIP_APPROVER");

	/** The most orders one batch (one payout file) takes; the rest wait for the next batch. */
	static final int BATCH_MOST = 5000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(AssistanceChain.CHINA);

	private final JdbcClient jdbc;

	private final Sealer sealer;

	private final RegionDirectory regions;

	private final CaseDesk cases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final byte[] fileKey;

	private final CrashPoints crashPoints;

	private final DocumentNumbers numbers;

	private final Budgets budgets;

	Payments(JdbcClient jdbc, Sealer sealer, RegionDirectory regions, CaseDesk cases,
			ApplicationEventPublisher events, Clock clock, KeyRing keys, ReliefSettings settings,
			CrashPoints crashPoints, DocumentNumbers numbers, Budgets budgets) {
		this.budgets = budgets;
		this.crashPoints = crashPoints;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.regions = regions;
		this.cases = cases;
		this.events = events;
		this.clock = clock;
		this.fileKey = settings.bankFileKey() == null || settings.bankFileKey().isBlank()
				? keys.standing("relief.bank-file") : Base64.getDecoder().decode(settings.bankFileKey());
	}

	/**
	 * Makes the first payment order of an approved decision, inside the approval's transaction; nothing when it
	 * grants no cash or has its order already.
	 */
	void order(Decision.PaymentDue due) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into relief_payment_order (id, number, decision_id, attempt, case_number, township_path, amount,
				       payee_name, payee_account, payee_account_masked, payee_bank, status, created_at)
				values (:id, :number, :decision, 1, :caseNumber, :path, :amount, :name, :account, :masked, :bank,
				        'PENDING', :at)
				on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("number", numbers.next(DocumentNumbers.PAYMENT_ORDER, now))
			.param("decision", due.decisionId())
			.param("caseNumber", due.caseNumber())
			.param("path", due.townshipPath())
			.param("amount", due.amount())
			.param("name", due.payeeName())
			.param("account", due.sealedAccount())
			.param("masked", due.maskedAccount())
			.param("bank", due.bank())
			.param("at", Timestamp.from(now))
			.update();
	}

	/**
	 * @return the orders in the caller's area, those in the given status or all, newest first
	 */
	@Transactional(readOnly = true)
	public List<PaymentOrderView> orders(@Nullable String status, Caller caller) {
		String scope = scope(caller);
		return jdbc.sql("""
				select o.*, b.number as batch_number from relief_payment_order o
				  left join relief_payment_batch b on b.id = o.batch_id
				 where o.township_path like :scope || '%' and (:status = '' or o.status = :status)
				 order by o.created_at desc limit 500""")
			.param("scope", scope)
			.param("status", status == null ? "" : status)
			.query((row, n) -> view(row))
			.list();
	}

	/**
	 * @return the orders of one decision, first attempt first
	 */
	@Transactional(readOnly = true)
	public List<PaymentOrderView> ofDecision(UUID decisionId, Caller caller) {
		String township = jdbc.sql("select township_path from relief_decision where id = :id")
			.param("id", decisionId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("relief.decision-not-found"));
		if (caller.regionScope() == null || !township.startsWith(regions.path(caller.regionScope()))) {
			throw new Forbidden("relief.out-of-scope");
		}
		String scope = regions.path(caller.regionScope());
		return jdbc.sql("""
				select o.*, b.number as batch_number from relief_payment_order o
				  left join relief_payment_batch b on b.id = o.batch_id
				 where o.decision_id = :decision and o.township_path like :scope || '%' order by o.attempt""")
			.param("decision", decisionId)
			.param("scope", scope)
			.query((row, n) -> view(row))
			.list();
	}

	/**
	 * @return the orders of a case's decisions, by decision, first attempt first; for a page that has checked the
	 * viewer may see the case
	 */
	Map<UUID, List<PaymentOrderView>> ofCase(String caseNumber) {
		return jdbc.sql("""
				select o.*, b.number as batch_number from relief_payment_order o
				  left join relief_payment_batch b on b.id = o.batch_id
				 where o.case_number = :caseNumber order by o.attempt""")
			.param("caseNumber", caseNumber)
			.query((row, n) -> view(row))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(PaymentOrderView::decisionId,
					java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
	}

	/**
	 * Puts the pending orders of the caller's area (up to {@value #BATCH_MOST}) in a new batch, in one transaction.
	 */
	@Transactional
	public BatchView batch(Caller caller) {
		String scope = scope(caller);
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		long sequence = jdbc.sql("select count(*) + 1 from relief_payment_batch where created_at >= :day")
			.param("day", Timestamp.from(now.atZone(AssistanceChain.CHINA).toLocalDate()
				.atStartOfDay(AssistanceChain.CHINA)
				.toInstant()))
			.query(Long.class)
			.single();
		String number = "JJP-" + DAY.format(now) + "-" + String.format("%03d", sequence) + "-"
				+ id.toString().substring(0, 4);
		List<UUID> orders = jdbc.sql("""
				select id from relief_payment_order where status = 'PENDING' and township_path like :scope || '%'
				 order by id limit :most for update skip locked""")
			.param("most", BATCH_MOST)
			.param("scope", scope)
			.query(UUID.class)
			.list();
		if (orders.isEmpty()) {
			throw new RuleViolation("relief.nothing-to-pay");
		}
		List<BankFile.Line> lines = lines(orders);
		BankFile.Written file = BankFile.write(number, lines, fileKey);
		BigDecimal total = lines.stream().map(BankFile.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		jdbc.sql("""
				insert into relief_payment_batch (id, number, scope_path, order_count, total, file_sha256, file_hmac,
				                                  created_by, created_at)
				values (:id, :number, :scope, :count, :total, :sha, :hmac, :by, :at)""")
			.param("id", id)
			.param("number", number)
			.param("scope", scope)
			.param("count", orders.size())
			.param("total", total)
			.param("sha", BankFile.sha256(file.bytes()))
			.param("hmac", file.hmac())
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		int batched = jdbc.sql("""
				update relief_payment_order set status = 'BATCHED', batch_id = :batch
				 where id in (:orders) and status = 'PENDING'""")
			.param("batch", id)
			.param("orders", orders)
			.update();
		if (batched != orders.size()) {
			throw new Conflict("relief.batch-changed");
		}
		crashPoints.reach("payment-batch-before-commit");
		events.publishEvent(new BatchCreated(id, number, orders.size(), total, caller.name()));
		return batchView(id);
	}

	/**
	 * @return the batches of the caller's area, newest first, without their orders (a batch holds up to
	 * {@value #BATCH_MOST}; read one batch for them)
	 */
	@Transactional(readOnly = true)
	public List<BatchView> batches(Caller caller) {
		return jdbc.sql("""
				select * from relief_payment_batch where scope_path like :scope || '%'
				 order by created_at desc limit 200""")
			.param("scope", scope(caller))
			.query((row, n) -> batch(row, List.of()))
			.list();
	}

	/**
	 * @return a batch with its orders
	 */
	@Transactional(readOnly = true)
	public BatchView findBatch(UUID id, Caller caller) {
		BatchView batch = batchView(id);
		requireBatchScope(batch, caller);
		return batch;
	}

	/**
	 * The bank's payout file of a batch, with full account numbers: its download is audited.
	 */
	@Transactional
	public byte[] bankFile(UUID id, Caller caller) {
		BatchView batch = findBatch(id, caller);
		List<UUID> orders = jdbc.sql("select id from relief_payment_order where batch_id = :batch order by id")
			.param("batch", id)
			.query(UUID.class)
			.list();
		byte[] file = BankFile.write(batch.number(), lines(orders), fileKey).bytes();
		if (!BankFile.sha256(file).equals(batch.fileSha256())) {
			throw new IllegalStateException("The payout file of batch " + batch.number() + " no longer matches");
		}
		events.publishEvent(new BankFileExported(id, batch.number(), caller.name()));
		return file;
	}

	/**
	 * Imports the bank's result file for a batch: each line {@code order,result,bank_reference,reason} with the
	 * result {@code PAID} or {@code FAILED} (成功/失败). The whole file is checked first; the same file imported again
	 * changes nothing and answers as the first time.
	 */
	@Transactional
	public ResultReport importResults(UUID batchId, byte[] content, Caller caller) {
		BatchView batch = findBatch(batchId, caller);
		String sha = BankFile.sha256(content);
		Instant now = clock.instant();
		UUID resultId = UUID.randomUUID();
		int first = jdbc.sql("""
				insert into relief_bank_result (id, batch_id, file_sha256, paid, failed, unchanged, imported_by,
				                                imported_at)
				values (:id, :batch, :sha, 0, 0, 0, :by, :at)
				on conflict (batch_id, file_sha256) do nothing""")
			.param("id", resultId)
			.param("batch", batchId)
			.param("sha", sha)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		if (first == 0) {
			return report(batchId, sha, true);
		}
		List<Result> results = parse(content, batch);
		int paid = 0;
		int failed = 0;
		int unchanged = 0;
		for (Result result : results) {
			int changed = jdbc.sql("""
					update relief_payment_order set status = :status, bank_reference = :reference,
					       failure_reason = :reason, settled_at = :at
					 where id = :id and batch_id = :batch and status = 'BATCHED'""")
				.param("status", result.status())
				.param("reference", result.bankReference())
				.param("reason", result.reason())
				.param("at", Timestamp.from(now))
				.param("id", result.order())
				.param("batch", batchId)
				.update();
			if (changed == 0) {
				String current = jdbc.sql("select status from relief_payment_order where id = :id")
					.param("id", result.order())
					.query(String.class)
					.single();
				if (!current.equals(result.status())) {
					throw new Conflict("relief.result-conflict", result.line(), current);
				}
				unchanged++;
			}
			else if (result.status().equals("PAID")) {
				paid++;
				delivered(result.order(), caller);
			}
			else {
				failed++;
			}
			if (paid + failed + unchanged == (results.size() + 1) / 2) {
				crashPoints.reach("bank-results-half-applied");
			}
		}
		jdbc.sql("update relief_bank_result set paid = :paid, failed = :failed, unchanged = :unchanged where id = :id")
			.param("paid", paid)
			.param("failed", failed)
			.param("unchanged", unchanged)
			.param("id", resultId)
			.update();
		events.publishEvent(new BankResultImported(batchId, batch.number(), paid, failed, caller.name()));
		return report(batchId, sha, false);
	}

	/**
	 * Issues a failed order again, to the same account or a corrected one — never for a decision whose aid was
	 * stopped (409 {@code relief.aid-stopped}).
	 */
	@Transactional
	public PaymentOrderView reissue(UUID orderId, @Nullable String account, @Nullable String bank, Caller caller) {
		String scope = scope(caller);
		Map<String, Object> failed = jdbc.sql("select * from relief_payment_order where id = :id")
			.param("id", orderId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("relief.order-not-found"));
		if (!String.valueOf(failed.get("township_path")).startsWith(scope)) {
			throw new Forbidden("relief.out-of-scope");
		}
		if (!"FAILED".equals(failed.get("status"))) {
			throw new Conflict("relief.order-not-failed");
		}
		if (stopped((UUID) failed.get("decision_id"))) {
			throw new Conflict("relief.aid-stopped");
		}
		String sealed = (String) failed.get("payee_account");
		String masked = (String) failed.get("payee_account_masked");
		if (account != null && !account.isBlank()) {
			String number = BankAccounts.digits(account);
			sealed = BankAccounts.sealed(number, sealer);
			masked = BankAccounts.masked(number);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into relief_payment_order (id, number, decision_id, attempt, case_number, township_path,
					       amount, payee_name, payee_account, payee_account_masked, payee_bank, status, created_at)
					select :id, :number, decision_id, attempt + 1, case_number, township_path, amount, payee_name,
					       :account, :masked, :bank, 'PENDING', :at from relief_payment_order where id = :failed""")
				.param("id", id)
				.param("number", numbers.next(DocumentNumbers.PAYMENT_ORDER, now))
				.param("account", sealed)
				.param("masked", masked)
				.param("bank", bank == null || bank.isBlank() ? failed.get("payee_bank") : bank.strip())
				.param("at", Timestamp.from(now))
				.param("failed", orderId)
				.update();
		}
		catch (DuplicateKeyException live) {
			throw new Conflict("relief.order-live");
		}
		events.publishEvent(new OrderReissued(id, (UUID) failed.get("decision_id"), caller.name()));
		return jdbc.sql("""
				select o.*, null as batch_number from relief_payment_order o where o.id = :id""")
			.param("id", id)
			.query((row, n) -> view(row))
			.single();
	}

	/**
	 * @return whether the decision's aid was stopped (停发): what it paid is being recovered, so nothing is paid again
	 */
	private boolean stopped(UUID decision) {
		return jdbc.sql("""
				select count(*) from relief_recovery where source_kind = 'DECISION' and source_ref = :decision""")
			.param("decision", decision.toString())
			.query(Long.class)
			.single() > 0;
	}

	private void delivered(UUID order, Caller caller) {
		Map<String, Object> paid = jdbc.sql("""
				select o.case_number, o.number, o.amount, o.decision_id, b.number as batch from relief_payment_order o
				  left join relief_payment_batch b on b.id = o.batch_id where o.id = :id""")
			.param("id", order)
			.query()
			.singleRow();
		String caseNumber = (String) paid.get("case_number");
		// The timeline says what reached the family, by which order and in which batch, by their human numbers.
		events.publishEvent(new CaseEventRecorded(caseNumber, "RELIEF_PAID",
				"救助金 " + ((java.math.BigDecimal) paid.get("amount")).toPlainString() + " 元已入账（支付指令 "
						+ paid.get("number") + "，支付批次 " + paid.get("batch") + "）",
				caller.name(), clock.instant()));
		events.publishEvent(new ReliefPaid(caseNumber, (String) paid.get("number"),
				(java.math.BigDecimal) paid.get("amount"), clock.instant()));
		budgets.paid(DecisionDesk.budgetReference((UUID) paid.get("decision_id")),
				(java.math.BigDecimal) paid.get("amount"));
		if (cases.find(caseNumber, caller).status() == CaseStatus.DECIDED) {
			cases.move(caseNumber, CaseStatus.DELIVERING, null, null, caller);
		}
	}

	private List<Result> parse(byte[] content, BatchView batch) {
		Set<UUID> inBatch = new HashSet<>(jdbc.sql("select id from relief_payment_order where batch_id = :batch")
			.param("batch", batch.id())
			.query(UUID.class)
			.list());
		List<Result> results = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
		try {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.setCommentMarker('#')
				.get()
				.parse(new StringReader(text))) {
				long line = record.getRecordNumber() + 1;
				if (!record.isConsistent() || !record.isMapped("order") || !record.isMapped("result")) {
					throw new RuleViolation("relief.result-file-invalid", line);
				}
				UUID order;
				try {
					order = UUID.fromString(record.get("order"));
				}
				catch (IllegalArgumentException malformed) {
					throw new RuleViolation("relief.result-file-invalid", line);
				}
				if (!inBatch.contains(order) || !seen.add(order)) {
					throw new RuleViolation("relief.result-file-invalid", line);
				}
				String status = switch (record.get("result")) {
					case "PAID", "成功" -> "PAID";
					case "FAILED", "失败" -> "FAILED";
					default -> throw new RuleViolation("relief.result-file-invalid", line);
				};
				String reference = record.isMapped("bank_reference") ? record.get("bank_reference") : "";
				String reason = record.isMapped("reason") ? record.get("reason") : "";
				if (reference.length() > 60 || reason.length() > 200 || status.equals("FAILED") && reason.isEmpty()) {
					throw new RuleViolation("relief.result-file-invalid", line);
				}
				results.add(new Result(line, order, status, reference.isEmpty() ? null : reference,
						reason.isEmpty() ? null : reason));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
			throw new RuleViolation("relief.result-file-invalid", 1);
		}
		if (results.isEmpty()) {
			throw new RuleViolation("relief.result-file-invalid", 1);
		}
		return results;
	}

	private List<BankFile.Line> lines(List<UUID> orders) {
		return jdbc.sql("""
				select id, payee_name, payee_account, payee_bank, amount, case_number from relief_payment_order
				 where id in (:orders) order by id""")
			.param("orders", orders)
			.query((row, n) -> new BankFile.Line(row.getString("id"), row.getString("payee_name"),
					BankAccounts.opened(row.getString("payee_account"), sealer), row.getString("payee_bank"),
					row.getBigDecimal("amount"), "临时救助 " + row.getString("case_number")))
			.list();
	}

	private ResultReport report(UUID batchId, String sha, boolean repeated) {
		return jdbc.sql("""
				select paid, failed, unchanged, imported_by, imported_at from relief_bank_result
				 where batch_id = :batch and file_sha256 = :sha""")
			.param("batch", batchId)
			.param("sha", sha)
			.query((row, n) -> new ResultReport(row.getInt(1), row.getInt(2), row.getInt(3), repeated,
					row.getString(4), row.getTimestamp(5).toInstant()))
			.single();
	}

	private BatchView batchView(UUID id) {
		List<PaymentOrderView> orders = jdbc.sql("""
				select o.*, b.number as batch_number from relief_payment_order o
				  join relief_payment_batch b on b.id = o.batch_id where o.batch_id = :batch order by o.id""")
			.param("batch", id)
			.query((order, m) -> view(order))
			.list();
		return jdbc.sql("select * from relief_payment_batch where id = :id")
			.param("id", id)
			.query((row, n) -> batch(row, orders))
			.optional()
			.orElseThrow(() -> new NotFound("relief.batch-not-found"));
	}

	private static BatchView batch(java.sql.ResultSet row, List<PaymentOrderView> orders) throws java.sql.SQLException {
		return new BatchView(row.getObject("id", UUID.class), row.getString("number"), row.getString("scope_path"),
				row.getInt("order_count"), row.getBigDecimal("total"), row.getString("file_sha256"),
				row.getString("file_hmac"), row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
				orders);
	}

	private void requireBatchScope(BatchView batch, Caller caller) {
		if (!batch.scopePath().startsWith(scope(caller))) {
			throw new Forbidden("relief.out-of-scope");
		}
	}

	private String scope(Caller caller) {
		if (caller.regionScope() == null || caller.roles().stream().noneMatch(PAYERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		return regions.path(caller.regionScope());
	}

	private static PaymentOrderView view(java.sql.ResultSet row) throws java.sql.SQLException {
		return new PaymentOrderView(row.getObject("id", UUID.class), row.getString("number"),
				row.getObject("decision_id", UUID.class),
				row.getInt("attempt"), row.getString("case_number"), row.getBigDecimal("amount"),
				row.getString("payee_name"), row.getString("payee_account_masked"), row.getString("payee_bank"),
				row.getString("status"), row.getString("batch_number"), row.getString("bank_reference"),
				row.getString("failure_reason"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("settled_at") == null ? null : row.getTimestamp("settled_at").toInstant());
	}

	private record Result(long line, UUID order, String status, @Nullable String bankReference,
			@Nullable String reason) {
	}

	/**
	 * A batch.
	 *
	 * @param id the batch
	 * @param number its number, printed on the file
	 * @param scopePath the area it pays in
	 * @param orderCount how many orders
	 * @param total their sum
	 * @param fileSha256 the SHA-256 of its payout file
	 * @param fileHmac the HMAC-SHA256 in the file's last line
	 * @param createdBy who made it
	 * @param createdAt when
	 * @param orders its orders, when one batch is read (the list of batches leaves them out)
	 */
	public record BatchView(UUID id, String number, String scopePath, int orderCount, BigDecimal total,
			String fileSha256, String fileHmac, String createdBy, Instant createdAt, List<PaymentOrderView> orders) {
	}

	/**
	 * What a result file did.
	 *
	 * @param paid orders newly paid
	 * @param failed orders newly failed
	 * @param unchanged lines that repeated a result already known
	 * @param repeated whether this very file had been imported before (nothing changed now)
	 * @param importedBy who imported it first
	 * @param importedAt when
	 */
	public record ResultReport(int paid, int failed, int unchanged, boolean repeated, String importedBy,
			Instant importedAt) {
	}

	record BatchCreated(UUID id, String number, int orders, BigDecimal total, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.payment-batch-created";
		}

		@Override
		public String auditSubjectType() {
			return "relief-payment-batch";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("number", number, "orders", String.valueOf(orders), "total", total.toPlainString());
		}

	}

	record BankFileExported(UUID id, String number, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.bank-file-exported";
		}

		@Override
		public String auditSubjectType() {
			return "relief-payment-batch";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

	}

	record BankResultImported(UUID id, String number, int paid, int failed, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.bank-result-imported";
		}

		@Override
		public String auditSubjectType() {
			return "relief-payment-batch";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("paid", String.valueOf(paid), "failed", String.valueOf(failed));
		}

	}

	record OrderReissued(UUID id, UUID decisionId, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.payment-reissued";
		}

		@Override
		public String auditSubjectType() {
			return "relief-payment-order";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

	}

}
