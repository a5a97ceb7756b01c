package org.jijinan.relief;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.Caller;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.PersonalDataRead;
import org.jijinan.shared.RuleViolation;
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
 * The settlement window (一站式结算窗口): the bill form, the printable settlement with the split as a chart, the
 * window's recent settlements and reversal.
 */
@Controller
@RequestMapping("/relief/settlements")
class SettlementPages {

	private final MedicalSettlements settlements;

	private final PageProblems problems;

	private final org.jijinan.people.PersonRegistry persons;

	SettlementPages(MedicalSettlements settlements, PageProblems problems, org.jijinan.people.PersonRegistry persons) {
		this.persons = persons;
		this.settlements = settlements;
		this.problems = problems;
	}

	@GetMapping
	String window(@AuthenticationPrincipal Caller caller, Model model) {
		return window(settlements.lastHospital(caller), caller, model);
	}

	@PostMapping
	String settle(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			if ("estimate".equals(form.get("action"))) {
				model.addAttribute("estimate", settlements.estimate(bill(form), caller));
				return window(form, caller, model);
			}
			SettlementView settled = settlements.settle(bill(form), caller);
			return "redirect:/relief/settlements/" + settled.id();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return window(form, caller, model);
		}
	}

	@PersonalDataRead(subject = "settlement")
	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("settlement", settlements.find(id, caller));
		return "relief/settlement";
	}

	@PostMapping("/{id}/reversal")
	String reverse(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			settlements.reverse(id, reason, caller);
			return "redirect:/relief/settlements/" + id;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("settlement", settlements.find(id, caller));
			return "relief/settlement";
		}
	}

	private String window(Map<String, String> form, Caller caller, Model model) {
		Map<String, String> kept = new java.util.HashMap<>(form);
		// The ID number is not sent back into the page: the clerk reads it from the card again.
		kept.remove("idNumber");
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("recent", settlements.recent(caller));
		model.addAttribute("levels", HospitalLevel.values());
		model.addAttribute("mayRegister", persons.mayRegister(caller));
		return "relief/settlements";
	}

	private static HospitalBill bill(Map<String, String> form) {
		HospitalLevel level;
		try {
			level = form.get("hospitalLevel") == null ? null : HospitalLevel.valueOf(form.get("hospitalLevel"));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("relief.hospital-level-required");
		}
		return new HospitalBill(form.get("idNumber"), form.get("patientName"), form.get("hospitalCode"),
				form.get("hospitalName"), level, form.get("admissionNumber"), day(form.get("admittedOn")),
				day(form.get("dischargedOn")), FormNumbers.amount(form.get("inPolicy"), "relief.bill-invalid"),
				FormNumbers.amount(form.get("outOfPolicy"), "relief.bill-invalid"),
				FormNumbers.amount(form.get("total"), "relief.bill-invalid"), null,
				FormNumbers.amount(form.get("basicPaid"), "relief.insurer-payment-invalid"), form.get("basicReference"),
				FormNumbers.amount(form.get("criticalPaid"), "relief.insurer-payment-invalid"),
				form.get("criticalReference"),
				FormNumbers.amount(form.get("otherPaid"), "relief.insurer-payment-invalid"), form.get("otherReference"));
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new RuleViolation("relief.admission-dates-invalid");
		}
	}

}
