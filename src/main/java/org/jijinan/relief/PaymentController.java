package org.jijinan.relief;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Downloads;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Payment orders, batches, the bank's files and the goods ledger over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class PaymentController {

	private final Payments payments;

	private final GoodsStock goods;

	PaymentController(Payments payments, GoodsStock goods) {
		this.payments = payments;
		this.goods = goods;
	}

	@Operation(summary = "List payment orders",
			description = "Civil-affairs staff of the area, optionally by status (`PENDING`, `BATCHED`, `PAID`, "
					+ "`FAILED`).")
	@GetMapping("/payment-orders")
	List<PaymentOrderView> orders(
			@Parameter(schema = @Schema(allowableValues = { "PENDING", "BATCHED", "PAID", "FAILED" })) @RequestParam(
					required = false) @Nullable String status,
			@AuthenticationPrincipal Caller caller) {
		return payments.orders(status, caller);
	}

	@Operation(summary = "List a decision's payment orders",
			description = "Problems: 403 `relief.out-of-scope`, 404 `relief.decision-not-found`.")
	@GetMapping("/decisions/{id}/payment-orders")
	List<PaymentOrderView> ofDecision(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return payments.ofDecision(id, caller);
	}

	@Operation(summary = "Re-issue a failed payment",
			description = "With a corrected account or the same one. Problems: 403, 404 `relief.order-not-found`, 409 "
					+ "`relief.order-not-failed`/`relief.order-live`/`relief.aid-stopped` (the decision's aid was "
					+ "stopped and is being recovered).")
	@PostMapping("/payment-orders/{id}/reissue")
	PaymentOrderView reissue(@PathVariable UUID id, @Valid @RequestBody Account account,
			@AuthenticationPrincipal Caller caller) {
		return payments.reissue(id, account.payeeAccount(), account.payeeBank(), caller);
	}

	@Operation(summary = "Make a payment batch of the pending orders",
			description = "`COUNTY_REVIEWER`, `COUNTY_APPROVER` or `TOWNSHIP_APPROVER` with a region scope (403 "
					+ "`relief.not-allowed` otherwise); claims every pending order of the area, answers 201 with the "
					+ "batch. Problems: 403 `relief.not-allowed`, 409 `relief.batch-changed`, 422 when nothing is "
					+ "pending.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/payment-batches")
	ResponseEntity<Payments.BatchView> batch(@AuthenticationPrincipal Caller caller) {
		Payments.BatchView batch = payments.batch(caller);
		return ResponseEntity.created(java.net.URI.create("/api/v1/payment-batches/" + batch.id())).body(batch);
	}

	@Operation(summary = "List payment batches",
			description = "Only `COUNTY_REVIEWER`, `COUNTY_APPROVER` or `TOWNSHIP_APPROVER` with a region scope: the "
					+ "batches of their area, newest first, at most 200, without their orders. Problems: 403 "
					+ "`relief.not-allowed`.")
	@GetMapping("/payment-batches")
	List<Payments.BatchView> batches(@AuthenticationPrincipal Caller caller) {
		return payments.batches(caller);
	}

	@Operation(summary = "Read a payment batch", description = "Problems: 403, 404 `relief.batch-not-found`.")
	@GetMapping("/payment-batches/{id}")
	Payments.BatchView findBatch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return payments.findBatch(id, caller);
	}

	@Operation(summary = "Download a batch's payout file for the bank",
			description = "CSV (UTF-8) with an HMAC line; a download no cache keeps. Problems: 403, 404 "
					+ "`relief.batch-not-found`.",
			responses = @ApiResponse(responseCode = "200", description = "The payout file",
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
	@PostMapping("/payment-batches/{id}/bank-file")
	ResponseEntity<byte[]> bankFile(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return download(id, payments.bankFile(id, caller));
	}

	/**
	 * @return the payout file as a download that no cache keeps
	 */
	static ResponseEntity<byte[]> download(UUID id, byte[] file) {
		return Downloads.attachment("payout-" + id + ".csv",
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), file);
	}

	@Operation(summary = "Import the bank's result file for a batch",
			description = "Multipart field `file`, at most 5 MB; the same file again changes nothing. Problems: 400 "
					+ "`request.multipart-required`/`relief.result-file-too-large`, 403, 404 `relief.batch-not-found`, "
					+ "409 `relief.result-conflict`, 422 `relief.result-file-invalid` (a malformed file).")
	@PostMapping("/payment-batches/{id}/bank-results")
	Payments.ResultReport results(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws IOException {
		if (file.getSize() > 5_000_000) {
			throw new InvalidInput("relief.result-file-too-large");
		}
		return payments.importResults(id, file.getBytes(), caller);
	}

	@Operation(summary = "Read a township's goods stock",
			description = "Only `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` "
					+ "whose area contains the township; the stock by item. Problems: 400 "
					+ "`request.invalid-parameter-value` (a malformed code), 403 `relief.out-of-scope` (also for an "
					+ "unknown township)/`relief.not-allowed`.")
	@GetMapping("/goods-stocks/{township}")
	List<GoodsStock.Item> stock(@PathVariable DivisionCode township, @AuthenticationPrincipal Caller caller) {
		return goods.stock(township, caller);
	}

	@Operation(summary = "Record goods received into stock", description = "Problems: 403, 422.")
	@PostMapping("/goods-stocks/{township}/receipts")
	List<GoodsStock.Item> receive(@PathVariable DivisionCode township, @Valid @RequestBody Receipt receipt,
			@AuthenticationPrincipal Caller caller) {
		return goods.receive(township, new GoodsStock.Item(receipt.item(), receipt.unit(), receipt.quantity()),
				receipt.reference(), caller);
	}

	@Operation(summary = "Hand out goods for a decision",
			description = "Problems: 403, 404 `relief.decision-not-found`, 422 when the stock is short.")
	@PostMapping("/decisions/{id}/goods-handout")
	List<GoodsStock.Item> handOut(@PathVariable UUID id, @RequestBody List<GoodsStock.Item> items,
			@AuthenticationPrincipal Caller caller) {
		return goods.handOut(id, items, caller);
	}

	/**
	 * @param payeeAccount a corrected account, or none to pay the same one again
	 * @param payeeBank a corrected bank
	 */
	record Account(@Nullable @Size(max = 40) String payeeAccount, @Nullable @Size(max = 80) String payeeBank) {
	}

	/**
	 * @param item what
	 * @param unit in which unit
	 * @param quantity how many
	 * @param reference the delivery note
	 */
	record Receipt(@Nullable String item, @Nullable String unit, int quantity, @Nullable String reference) {
	}

}
