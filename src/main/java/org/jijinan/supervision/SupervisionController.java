package org.jijinan.supervision;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
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
 * Supervision over HTTP: the board, a case's steps, supervision orders and their replies, accountability records.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionController {

	private final Board board;

	private final SupervisionOrders orders;

	private final Accountability accountability;

	SupervisionController(Board board, SupervisionOrders orders, Accountability accountability) {
		this.board = board;
		this.orders = orders;
		this.accountability = accountability;
	}

	@Operation(summary = "Read the supervision board",
			description = "Only supervisors (`SUPERVISOR`) and leaders (`LEADER`), for their area: per unit and per "
					+ "person the steps finished, on time and returned, the median handling time and what is overdue; "
					+ "the overdue steps; the tasks passed from unit to unit. Problems: 403 `supervision.not-allowed` "
					+ "for any other role, `supervision.out-of-scope` without a region scope.")
	@GetMapping("/board")
	Board.View board(@AuthenticationPrincipal Caller caller) {
		return board.of(caller);
	}

	@Operation(summary = "List a case's owed steps",
			description = "The steps watched on the case (acceptance, investigation, approval, payment, tasks, order "
					+ "replies, emergency paperwork) with their deadlines and status. Staff of the case's area (any "
					+ "role). Problems: 400 `casework.number-malformed`, 403 `casework.out-of-scope`, 404 "
					+ "`casework.case-not-found`.")
	@GetMapping("/cases/{number}/steps")
	List<Board.StepView> steps(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return board.stepsOf(number, caller);
	}

	@Operation(summary = "List supervision orders in the area",
			description = "Supervisors (`SUPERVISOR`) and leaders (`LEADER`) of the area, and the case handlers who "
					+ "answer orders (`TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER`, "
					+ "`COUNTY_APPROVER`): the orders on cases of their area, unanswered first, at most 200. Problems: "
					+ "403 `supervision.not-allowed` for any other role, `supervision.out-of-scope` without a region "
					+ "scope.")
	@GetMapping("/orders")
	List<SupervisionOrders.Order> orders(@AuthenticationPrincipal Caller caller) {
		return orders.inArea(caller);
	}

	@Operation(summary = "Issue a supervision order (督办)",
			description = "Supervisors only, on a case of their area; answers 201. Problems: 400 "
					+ "`request.invalid-field`/`casework.number-malformed`/`supervision.instruction-required`/"
					+ "`supervision.reply-date-invalid`, "
					+ "403 `supervision.supervisors-only`/`casework.out-of-scope`, 404 `casework.case-not-found`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/orders")
	ResponseEntity<SupervisionOrders.Order> issue(@Valid @RequestBody NewOrder order,
			@AuthenticationPrincipal Caller caller) {
		var issued = orders.issue(order.caseNumber(), order.instruction(), order.replyBy(), caller);
		return ResponseEntity.created(URI.create("/api/v1/supervision/orders/" + issued.id())).body(issued);
	}

	@Operation(summary = "Reply to a supervision order",
			description = "The case's handlers. Problems: 403 `supervision.reply-by-handler`, 404 "
					+ "`supervision.order-not-found`, 409 `supervision.order-already-replied`.")
	@PostMapping("/orders/{id}/reply")
	SupervisionOrders.Order reply(@PathVariable UUID id, @Valid @RequestBody Reply reply,
			@AuthenticationPrincipal Caller caller) {
		return orders.reply(id, reply.reply(), caller);
	}

	@Operation(summary = "List accountability records",
			description = "Only supervisors (`SUPERVISOR`) and leaders (`LEADER`), for their area: the records name "
					+ "the people held responsible. Newest first, at most 200. Problems: 403 "
					+ "`supervision.not-allowed` for any other role, `supervision.out-of-scope` without a region "
					+ "scope.")
	@GetMapping("/accountability")
	List<Accountability.Entry> accountability(@AuthenticationPrincipal Caller caller) {
		return accountability.inArea(caller);
	}

	@Operation(summary = "Record an accountability finding (问责)",
			description = "Supervisors only; answers 201. Problems: 403, 404, 422.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/accountability")
	ResponseEntity<Accountability.Entry> record(@Valid @RequestBody NewRecord record,
			@AuthenticationPrincipal Caller caller) {
		var entry = accountability.record(record.stepId(), record.failure(), record.description(), record.person(),
				caller);
		return ResponseEntity.status(201).body(entry);
	}

	/**
	 * @param caseNumber the case
	 * @param instruction what is ordered
	 * @param replyBy the last day for the reply
	 */
	record NewOrder(@NotNull @Size(max = 20) String caseNumber, @Nullable @Size(max = 2000) String instruction,
			@Nullable LocalDate replyBy) {
	}

	/**
	 * @param reply the township's reply
	 */
	record Reply(@Nullable @Size(max = 2000) String reply) {
	}

	/**
	 * @param stepId the step concerned
	 * @param failure what went wrong
	 * @param description what happened
	 * @param person the person held responsible, when not the step's
	 */
	record NewRecord(@NotNull UUID stepId, @NotNull FailureType failure, @Nullable @Size(max = 2000) String description,
			@Nullable @Size(max = 100) String person) {
	}

}
