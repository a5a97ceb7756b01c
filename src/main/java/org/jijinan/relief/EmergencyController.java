package org.jijinan.relief;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emergency aid first (先行救助) and the township reserve funds it is paid from, over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class EmergencyController {

	private final EmergencyAid aid;

	private final ReserveFund reserve;

	EmergencyController(EmergencyAid aid, ReserveFund reserve) {
		this.aid = aid;
		this.reserve = reserve;
	}

	@Operation(summary = "Grant emergency aid first (先行救助)",
			description = "`TOWNSHIP_REVIEWER` or `TOWNSHIP_APPROVER` of the case's area, paid from the township "
					+ "reserve fund; one grant per case; the paperwork is due afterwards. `items` are goods taken from the "
					+ "township's stock in the same transaction (`goods` is a note of goods from elsewhere). The grant "
					+ "gets its voucher number (`number`, XJ-2026-000045). Answers 201. Problems: 403 "
					+ "`relief.not-allowed`, 404 `casework.case-not-found`, 409 "
					+ "`relief.emergency-aid-granted`/`relief.case-not-ready`, 422 when the amount breaks the limit or "
					+ "the reserve is short, or `relief.goods-over-stock`/`relief.goods-not-in-stock` when the stock "
					+ "does not hold the goods (nothing is written then).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/cases/{number}/emergency-aid")
	ResponseEntity<EmergencyGrantView> grant(@PathVariable String number, @RequestBody EmergencyAid.Request request,
			@AuthenticationPrincipal Caller caller) {
		EmergencyGrantView granted = aid.grant(number, request, caller);
		return ResponseEntity.created(URI.create("/api/v1/emergency-aid/" + granted.id())).body(granted);
	}

	@Operation(summary = "List a case's emergency aid",
			description = "Staff of the case's area (any role), oldest first. Problems: 400 "
					+ "`casework.number-malformed`, 403 `casework.out-of-scope`, 404 `casework.case-not-found`.")
	@GetMapping("/cases/{number}/emergency-aid")
	List<EmergencyGrantView> ofCase(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return aid.ofCase(number, caller);
	}

	@Operation(summary = "Complete an emergency grant's paperwork",
			description = "`TOWNSHIP_REVIEWER` or `TOWNSHIP_APPROVER`. Problems: 403 `relief.not-allowed`, 404 "
					+ "`relief.emergency-grant-not-found`, 409 `relief.paperwork-already-complete`.")
	@PostMapping("/emergency-aid/{id}/paperwork")
	EmergencyGrantView paperwork(@PathVariable UUID id, @Valid @RequestBody Note note,
			@AuthenticationPrincipal Caller caller) {
		return aid.completePaperwork(id, note.note(), caller);
	}

	@Operation(summary = "Read a township's reserve fund ledger",
			description = "Township and county civil-affairs staff of the area. Problems: 403, 404.")
	@GetMapping("/reserve-funds/{township}")
	ReserveFund.Ledger ledger(@PathVariable DivisionCode township, @AuthenticationPrincipal Caller caller) {
		return reserve.ledger(township, caller);
	}

	@Operation(summary = "Top up a township's reserve fund",
			description = "County civil-affairs staff, with the transfer's reference. Problems: 403, 422 for an amount "
					+ "that is not positive.")
	@PostMapping("/reserve-funds/{township}/top-ups")
	ReserveFund.Ledger topUp(@PathVariable DivisionCode township, @Valid @RequestBody TopUp topUp,
			@AuthenticationPrincipal Caller caller) {
		return reserve.topUp(township, topUp.amount(), topUp.reference(), topUp.note(), caller);
	}

	/**
	 * @param note what was completed
	 */
	record Note(@Nullable @Size(max = 1000) String note) {
	}

	/**
	 * @param amount the transfer
	 * @param reference the county's transfer reference
	 * @param note a note
	 */
	record TopUp(@Nullable BigDecimal amount, @Nullable String reference, @Nullable @Size(max = 500) String note) {
	}

}
