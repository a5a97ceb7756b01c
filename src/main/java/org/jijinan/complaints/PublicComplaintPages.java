package org.jijinan.complaints;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public complaint pages (投诉举报), without signing in: complain or report fraud on a phone, get a number and a
 * follow code, read the answer and say whether it satisfies. A refused form keeps what was typed and says why beside
 * the field; a flood from one address or phone is answered with 429 and when to try again.
 */
@Controller
@RequestMapping("/public/complaints")
class PublicComplaintPages {

	private final ComplaintIntake complaintIntake;

	private final PublicComplaints complaints;

	private final ComplaintLimits limits;

	private final PageProblems problems;

	private final IntakeDesk intake;

	PublicComplaintPages(ComplaintIntake complaintIntake, PublicComplaints complaints, ComplaintLimits limits,
			PageProblems problems, IntakeDesk intake) {
		this.complaintIntake = complaintIntake;
		this.complaints = complaints;
		this.limits = limits;
		this.problems = problems;
		this.intake = intake;
	}

	@GetMapping
	String form(@RequestParam(required = false) @Nullable String kind, Model model) {
		Map<String, String> form = new HashMap<>();
		if (kind != null && kind.matches("[A-Z_]{1,30}")) {
			form.put("kind", kind);
		}
		return formPage(form, model);
	}

	@PostMapping
	String submit(@RequestParam Map<String, String> form, Locale locale, HttpServletRequest request, Model model) {
		try {
			limits.fromAddress(request.getRemoteAddr());
			String phone = form.get("phone");
			if (phone != null && !phone.isBlank()) {
				limits.fromPhone(phone.replaceAll("\\D", ""));
			}
			boolean anonymous = "true".equals(form.get("anonymous"));
			var receipt = complaintIntake.receive(new NewComplaint(form.get("kind"), ComplaintPages.unit(form.get("subjectUnit")),
					form.get("subjectPerson"), form.get("reference"), form.get("text"), anonymous, form.get("name"),
					phone, ApplicantLanguage.of(locale), null), null, request.getRemoteAddr());
			model.addAttribute("receipt", receipt);
			model.addAttribute("hotlineNumber", intake.hotlineNumber());
			return "complaints/public-complaint-received";
		}
		catch (ComplaintLimits.TooManyComplaints tooMany) {
			throw tooMany;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return formPage(form, model);
		}
	}

	/**
	 * The complaint by its number and the phone or follow code; reached from the public follow-up page too.
	 */
	@PostMapping("/follow")
	String follow(@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String phone, HttpServletRequest request, Model model) {
		limits.lookup(request.getRemoteAddr());
		model.addAttribute("complaint", complaints.follow(number, phone).orElse(null));
		model.addAttribute("secret", phone);
		return "complaints/public-complaint-follow";
	}

	@PostMapping("/verdict")
	String rate(@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String secret,
			@RequestParam(required = false) @Nullable Boolean satisfied, HttpServletRequest request, Model model) {
		limits.lookup(request.getRemoteAddr());
		try {
			model.addAttribute("complaint", complaints.rate(number, secret, satisfied));
			model.addAttribute("rated", true);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("complaint", complaints.follow(number, secret).orElse(null));
		}
		model.addAttribute("secret", secret);
		return "complaints/public-complaint-follow";
	}

	@ExceptionHandler
	String tooMany(ComplaintLimits.TooManyComplaints tooMany, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
		problems.show(model, tooMany);
		response.setStatus(429);
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
		return formPage(form, model);
	}

	private String formPage(Map<String, String> form, Model model) {
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("kinds", ComplaintKind.values());
		model.addAttribute("units", complaintIntake.subjects(null));
		model.addAttribute("hotlineNumber", intake.hotlineNumber());
		return "complaints/public-complaint";
	}

}
