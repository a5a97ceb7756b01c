package org.jijinan.relief;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

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

	@GetMapping("/payment-orders")
	List<PaymentOrderView> orders(@RequestParam(required = false) @Nullable String status,
			@AuthenticationPrincipal Caller caller) {
		return payments.orders(status, caller);
	}

	@GetMapping("/decisions/{id}/payment-orders")
	List<PaymentOrderView> ofDecision(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return payments.ofDecision(id, caller);
	}

	@PostMapping("/payment-orders/{id}/reissue")
	PaymentOrderView reissue(@PathVariable UUID id, @Valid @RequestBody Account account,
			@AuthenticationPrincipal Caller caller) {
		return payments.reissue(id, account.payeeAccount(), account.payeeBank(), caller);
	}

	@PostMapping("/payment-batches")
	ResponseEntity<Payments.BatchView> batch(@AuthenticationPrincipal Caller caller) {
		Payments.BatchView batch = payments.batch(caller);
		return ResponseEntity.created(java.net.URI.create("/api/v1/payment-batches/" + batch.id())).body(batch);
	}

	@GetMapping("/payment-batches")
	List<Payments.BatchView> batches(@AuthenticationPrincipal Caller caller) {
		return payments.batches(caller);
	}

	@GetMapping("/payment-batches/{id}")
	Payments.BatchView findBatch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return payments.findBatch(id, caller);
	}

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

	@PostMapping("/payment-batches/{id}/bank-results")
	Payments.ResultReport results(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws IOException {
		if (file.getSize() > 5_000_000) {
			throw new InvalidInput("relief.result-file-too-large");
		}
		return payments.importResults(id, file.getBytes(), caller);
	}

	@GetMapping("/goods-stocks/{township}")
	List<GoodsStock.Item> stock(@PathVariable DivisionCode township, @AuthenticationPrincipal Caller caller) {
		return goods.stock(township, caller);
	}

	@PostMapping("/goods-stocks/{township}/receipts")
	List<GoodsStock.Item> receive(@PathVariable DivisionCode township, @Valid @RequestBody Receipt receipt,
			@AuthenticationPrincipal Caller caller) {
		return goods.receive(township, new GoodsStock.Item(receipt.item(), receipt.unit(), receipt.quantity()),
				receipt.reference(), caller);
	}

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
