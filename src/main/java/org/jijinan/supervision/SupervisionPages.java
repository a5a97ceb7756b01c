package org.jijinan.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervision pages: the board, a case's steps with its orders, the orders of the area with their replies, and
 * the accountability records. Who may open each is decided by the services the pages call (see
 * {@link SupervisionReaders}); a link or form the viewer cannot use is not shown.
 */
@Controller
@RequestMapping("/supervision")
class SupervisionPages {

	private final Board board;

	private final SupervisionOrders orders;

	private final Accountability accountability;

	private final CaseDesk cases;

	private final PageProblems problems;

	private final Clock clock;

	SupervisionPages(Board board, SupervisionOrders orders, Accountability accountability, CaseDesk cases,
			PageProblems problems, Clock clock) {
		this.board = board;
		this.orders = orders;
		this.accountability = accountability;
		this.cases = cases;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping
	String board(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("board", board.of(caller));
		model.addAttribute("failures", FailureType.values());
		model.addAttribute("now", clock.instant());
		return "supervision/board";
	}

	@GetMapping("/cases/{number}")
	String caseSteps(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return casePage(number, caller, model);
	}

	@PostMapping("/cases/{number}/orders")
	String issue(@PathVariable String number, @RequestParam(required = false) @Nullable String instruction,
			@RequestParam(required = false) @Nullable String replyBy, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			orders.issue(number, instruction, date(replyBy), caller);
			return "redirect:/supervision/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("instruction", instruction);
			model.addAttribute("replyBy", replyBy);
			return casePage(number, caller, model);
		}
	}

	/**
	 * @param only a case whose orders alone are shown (the home page's line for an order to answer opens it so)
	 */
	@GetMapping("/orders")
	String orders(@RequestParam(name = "case", required = false) @Nullable String only,
			@AuthenticationPrincipal Caller caller, Model model) {
		var shown = orders.inArea(caller)
			.stream()
			.filter(order -> only == null || order.caseNumber().equals(only))
			.toList();
		model.addAttribute("orders", shown);
		model.addAttribute("only", only == null || shown.isEmpty() ? null : only);
		model.addAttribute("mayReply", SupervisionReaders.answersOrders(caller));
		model.addAttribute("now", clock.instant());
		return "supervision/orders";
	}

	@PostMapping("/orders/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reply,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			return "redirect:/supervision/orders?case=" + orders.reply(id, reply, caller).caseNumber();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("reply", reply);
			model.addAttribute("replyTo", id);
			return orders(null, caller, model);
		}
	}

	@GetMapping("/accountability")
	String records(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("records", accountability.inArea(caller));
		return "supervision/accountability";
	}

	@PostMapping("/accountability")
	String record(@RequestParam UUID stepId, @RequestParam FailureType failure,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String person, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			accountability.record(stepId, failure, description, person, caller);
			return "redirect:/supervision/accountability";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return board(caller, model);
		}
	}

	private String casePage(String number, Caller caller, Model model) {
		model.addAttribute("found", cases.find(number, caller));
		model.addAttribute("mayReadBoard", SupervisionReaders.holdsAny(caller, SupervisionReaders.OVERSEERS));
		model.addAttribute("steps", board.stepsOf(number, caller));
		model.addAttribute("orders", orders.ofCase(number, caller));
		model.addAttribute("now", clock.instant());
		if (!model.containsAttribute("replyBy")) {
			model.addAttribute("replyBy", LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY)).plusDays(3).toString());
		}
		return "supervision/case";
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("supervision.reply-date-invalid");
		}
	}

}
