package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Early warning over HTTP: departments' systems send signals; workers read and check warnings; the county sets and
 * tries its rules and records which department may send which signals.
 */
@RestController
@RequestMapping("/api/v1")
class MonitoringController {

	private final Signals signals;

	private final Warnings warnings;

	private final RuleBook rules;

	private final DryRun dryRun;

	private final SignalSources sources;

	private final SignalDetails details;

	MonitoringController(Signals signals, Warnings warnings, RuleBook rules, DryRun dryRun, SignalSources sources,
			SignalDetails details) {
		this.details = details;
		this.signals = signals;
		this.warnings = warnings;
		this.rules = rules;
		this.dryRun = dryRun;
		this.sources = sources;
	}

	@Operation(summary = "Send a signal (监测信号)",
			description = "Departments' systems (partner scope `signals:write`) and departments' officers, under an "
					+ "agreement that names the signal's kind. The same `reference` sent again with the same facts answers "
					+ "200 with the first receipt and stores nothing; with other facts 409 `monitoring.reference-reused`. "
					+ "A signal about someone not registered is kept unmatched (`matched: false`) and judged when they "
					+ "are registered. Problems: 400 `monitoring.kind-unknown`/`monitoring.reference-required`/"
					+ "`monitoring.id-number-required`/`shared.id-number-*`/`monitoring.occurred-on-required`/"
					+ "`monitoring.occurred-on-future`/`monitoring.occurred-on-too-old`/`monitoring.amount-required`/"
					+ "`monitoring.amount-invalid`/`monitoring.category-required`, 403 `monitoring.signals-not-allowed`/"
					+ "`monitoring.no-agreement`/`monitoring.kind-not-agreed`, 409 `monitoring.reference-reused`.",
			responses = { @ApiResponse(responseCode = "201", description = "Received"),
					@ApiResponse(responseCode = "200", description = "Received before") })
	@PostMapping("/monitoring-signals")
	ResponseEntity<Signals.SignalReceipt> receive(@Valid @RequestBody NewSignal signal,
			@AuthenticationPrincipal Caller caller) {
		Signals.SignalReceipt receipt = signals.receive(signal, caller);
		return receipt.repeated() ? ResponseEntity.ok(receipt)
				: ResponseEntity.created(URI.create("/api/v1/monitoring-signals/" + receipt.id())).body(receipt);
	}

	@Operation(summary = "Send a file of signals",
			description = "A UTF-8 CSV or XLSX file (at most 5 MB, 100,000 rows) with a header row naming the columns "
					+ "in English or Chinese: `reference` 编号, `kind` 信号类型 (code or Chinese name), `id_number` 身份证号码, "
					+ "`occurred_on` 发生日期, `amount` 金额, `year_total` 本年累计, `category` 救助类别, `detail` 说明. Taken "
					+ "whole or not at all: 422 `monitoring.file-rejected` lists every bad row with its code. Problems as for "
					+ "one signal, and 400 `monitoring.file-*`.")
	@PostMapping(path = "/monitoring-signals/files", consumes = "multipart/form-data")
	Signals.FileOutcome receiveFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Caller caller)
			throws java.io.IOException {
		return signals.receiveFile(SignalFile.checkedName(file), file.getBytes(), caller);
	}

	@Operation(summary = "List warnings waiting for a check",
			description = "The viewer's own, and for township and county staff those of their area, most urgent first.")
	@GetMapping("/monitoring-warnings")
	List<WarningView> awaiting(@AuthenticationPrincipal Caller caller) {
		return warnings.awaitingCheck(caller);
	}

	@Operation(summary = "Read a warning", description = "Problems: 404 `monitoring.warning-not-found`.")
	@GetMapping("/monitoring-warnings/{number}")
	WarningView warning(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return warnings.view(number, caller);
	}

	@Operation(summary = "List the signals the Kafka topic refused",
			description = "The calling department's signals refused on the topic `jijinan.monitoring-signal.v1` in the "
					+ "last 30 days, newest first, each with the problem code the API would have answered (and "
					+ "`monitoring.message-malformed`, `monitoring.message-source-required`). Problems: 403 "
					+ "`monitoring.signals-not-allowed`.")
	@GetMapping("/monitoring-signals/rejections")
	List<Signals.SignalRejection> rejections(@AuthenticationPrincipal Caller caller) {
		return signals.rejections(caller);
	}

	@Operation(summary = "List the signals behind a warning",
			description = "Kinds, days and sources, in the order they arrived; empty for a village reporter, who sees "
					+ "the warning's reason only. Problems: 404 `monitoring.warning-not-found`.")
	@GetMapping("/monitoring-warnings/{number}/signals")
	List<SignalDetails.SignalLine> signalsBehind(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return details.behind(number, caller);
	}

	@Operation(summary = "Show one signal's figures and the department's words (audited)",
			description = "The township's and county's staff; every view is recorded in the audit trail as "
					+ "`monitoring.signal-viewed`. Problems: 403 `monitoring.signal-detail-not-allowed`, 404 "
					+ "`monitoring.warning-not-found`/`monitoring.signal-not-found`.")
	@PostMapping("/monitoring-warnings/{number}/signals/{position}/views")
	SignalDetails.SignalDetail signalDetail(@PathVariable String number, @PathVariable int position,
			@AuthenticationPrincipal Caller caller) {
		return details.reveal(number, position, caller);
	}

	@Operation(summary = "Record the check of a warning (预警核实)",
			description = "By its owner or the township's staff. `NEEDS_HELP` opens a help request on the channel "
					+ "`DATA_WARNING` about the person; `NO_NEED` and `ALREADY_HELPED` need a reason; `UNREACHABLE` is "
					+ "owed another check by the retry deadline. Problems: 400 `monitoring.check-method-required`/"
					+ "`monitoring.checked-on-invalid`/`monitoring.findings-required`/`monitoring.outcome-required`/"
					+ "`monitoring.reason-required`, 403 `monitoring.check-not-allowed`, 404 `monitoring.warning-not-found`, "
					+ "409 `monitoring.warning-checked`/`monitoring.warning-withdrawn`.")
	@PostMapping("/monitoring-warnings/{number}/checks")
	WarningView check(@PathVariable String number, @Valid @RequestBody CheckReport report,
			@AuthenticationPrincipal Caller caller) {
		return warnings.check(number, report, caller);
	}

	@Operation(summary = "List the county's rules as they stand today",
			description = "County administrators and approvers. Problems: 403 `monitoring.rules-not-allowed`.")
	@GetMapping("/monitoring-rules")
	List<RuleVersion> rules(@AuthenticationPrincipal Caller caller) {
		return rules.current(caller);
	}

	@Operation(summary = "Set a new version of a rule",
			description = "County administrators and approvers; applies from `validFrom` (today when not given). "
					+ "Problems: 400 `monitoring.rule-unknown`/`monitoring.rule-*-invalid`/"
					+ "`monitoring.rule-valid-from-past`/`monitoring.severity-required`, 403 `monitoring.rules-not-allowed`.")
	@PutMapping("/monitoring-rules/{code}")
	RuleVersion set(@PathVariable String code, @Valid @RequestBody RuleParameters parameters,
			@AuthenticationPrincipal Caller caller) {
		return rules.set(rule(code), parameters.change(), caller);
	}

	@Operation(summary = "Try a rule on the last twelve months of signals (试运行)",
			description = "Counts the warnings the parameters would have raised over the stored signals and how many "
					+ "of those households then received aid; raises nothing. County administrators and approvers. "
					+ "Problems: as for setting a rule.")
	@PostMapping("/monitoring-rules/{code}/dry-runs")
	DryRun.Result dryRun(@PathVariable String code, @Valid @RequestBody RuleParameters parameters,
			@AuthenticationPrincipal Caller caller) {
		return dryRun.run(rule(code), parameters.change(), caller);
	}

	@Operation(summary = "Record a department's signal agreement (信号共享协议)",
			description = "County administrators. `kinds` lists the signal kinds it may send; an empty list ends the "
					+ "agreement. Problems: 400 `monitoring.source-unit-unknown`/`monitoring.source-agreement-required`/"
					+ "`monitoring.kind-unknown`, 403 `monitoring.sources-not-allowed`.")
	@PutMapping("/monitoring-sources/{unitId}")
	SignalSources.Source agree(@PathVariable UUID unitId, @Valid @RequestBody Agreement agreement,
			@AuthenticationPrincipal Caller caller) {
		Set<SignalKind> kinds = agreement.kinds() == null ? Set.of()
				: agreement.kinds().stream().map(Signals::kind).collect(java.util.stream.Collectors.toSet());
		return sources.agree(unitId, kinds, agreement.agreement() == null ? "" : agreement.agreement(), caller);
	}

	private static RuleCode rule(String code) {
		RuleCode rule = RuleCode.parse(code);
		if (rule == null) {
			throw new InvalidInput("monitoring.rule-unknown", code.length() > 40 ? code.substring(0, 40) : code);
		}
		return rule;
	}

	/**
	 * A rule's parameters as the county sets or tries them.
	 */
	record RuleParameters(@Nullable Boolean active, @Nullable Severity severity, @Nullable BigDecimal threshold,
			@Nullable BigDecimal multiple, @Nullable Integer months, @Nullable @Size(max = 20) Set<@Size(max = 40) String> categories,
			@Nullable LocalDate validFrom) {

		RuleBook.RuleChange change() {
			if (severity == null) {
				throw new InvalidInput("monitoring.severity-required");
			}
			if (categories != null && categories.contains(null)) {
				throw new InvalidInput("monitoring.rule-categories-invalid");
			}
			return new RuleBook.RuleChange(active == null || active, severity, threshold, multiple, months,
					categories == null ? Set.of() : Set.copyOf(categories), validFrom);
		}

	}

	/**
	 * A department's agreement: the signal kinds it may send and the agreement's reference.
	 */
	record Agreement(@Nullable @Size(max = 20) List<@Size(max = 30) String> kinds,
			@Nullable @Size(max = 100) String agreement) {
	}

}
