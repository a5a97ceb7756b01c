package org.jijinan.relief;

import java.io.IOException;
import java.util.UUID;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The payments page (救助发放): orders waiting for a batch, failed orders to issue again, batches with their payout
 * files and the bank's results.
 */
@Controller
@RequestMapping("/relief/payments")
class PaymentPages {

	private final Payments payments;

	private final PageProblems problems;

	private final org.jijinan.identity.StaffDirectory staff;

	PaymentPages(Payments payments, PageProblems problems, org.jijinan.identity.StaffDirectory staff) {
		this.staff = staff;
		this.payments = payments;
		this.problems = problems;
	}

	@GetMapping
	String show(@AuthenticationPrincipal Caller caller, Model model) {
		return page(caller, model);
	}

	@PostMapping("/batches")
	String batch(@AuthenticationPrincipal Caller caller, Model model) {
		return attempt(caller, model, () -> payments.batch(caller));
	}

	@PostMapping("/batches/{id}/bank-file")
	ResponseEntity<byte[]> bankFile(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return PaymentController.download(id, payments.bankFile(id, caller));
	}

	@PostMapping("/batches/{id}/results")
	String results(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			if (file.getSize() > 5_000_000) {
				throw new InvalidInput("relief.result-file-too-large");
			}
			model.addAttribute("report", payments.importResults(id, file.getBytes(), caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		catch (IOException unreadable) {
			problems.show(model, new InvalidInput("relief.result-file-invalid", 1));
		}
		return page(caller, model);
	}

	@PostMapping("/orders/{id}/reissue")
	String reissue(@PathVariable UUID id, @RequestParam(required = false) @Nullable String payeeAccount,
			@RequestParam(required = false) @Nullable String payeeBank, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(caller, model, () -> payments.reissue(id, payeeAccount, payeeBank, caller));
	}

	private String attempt(Caller caller, Model model, java.util.function.Supplier<?> action) {
		try {
			action.get();
			return "redirect:/relief/payments";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(caller, model);
		}
	}

	private String page(Caller caller, Model model) {
		model.addAttribute("pending", payments.orders("PENDING", caller));
		model.addAttribute("failed", payments.orders("FAILED", caller));
		var batches = payments.batches(caller);
		model.addAttribute("batches", batches);
		var makers = new java.util.HashMap<String, String>();
		batches.forEach(batch -> makers.computeIfAbsent(batch.createdBy(),
				username -> staff.displayName(username).orElse(username)));
		model.addAttribute("makers", makers);
		return "relief/payments";
	}

}
