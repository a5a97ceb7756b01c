package org.jijinan.intake;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
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
 * Pages anyone can use without signing in: apply for help, report someone in need, and follow a request with its
 * number and the phone number given (status only). Rate-limited per client address.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

	private final IntakeDesk desk;

	private final PublicLimits limits;

	private final PageProblems problems;

	PublicPages(IntakeDesk desk, PublicLimits limits, PageProblems problems) {
		this.desk = desk;
		this.limits = limits;
		this.problems = problems;
	}

	@GetMapping("/apply")
	String applyForm(Model model) {
		model.addAttribute("causes", desk.causes());
		return "intake/public-apply";
	}

	@PostMapping("/requests")
	String submit(@RequestParam(defaultValue = "false") boolean forSomeoneElse, @RequestParam String name,
			@RequestParam String phone, @RequestParam String village,
			@RequestParam(required = false) @Nullable String reporterName,
			@RequestParam(required = false) @Nullable String reporterPhone, @RequestParam String description,
			@RequestParam(required = false) @Nullable Set<String> causes, HttpServletRequest request, Model model) {
		limits.submission(request.getRemoteAddr());
		try {
			var spec = new NewHelpRequest(Channel.ONLINE, Urgency.NORMAL, forSomeoneElse ? reporterName : name,
					forSomeoneElse ? ReporterRelation.OTHER : ReporterRelation.SELF,
					forSomeoneElse ? reporterPhone : phone, null, name, phone, DivisionCode.of(village).value(), null,
					description, causes == null || causes.isEmpty() ? Set.of("OTHER") : causes, false, null);
			HelpRequestView received = desk.receive(spec, ONLINE);
			model.addAttribute("number", received.number());
			return "intake/public-received";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("causes", desk.causes());
			return "intake/public-apply";
		}
	}

	@GetMapping("/follow")
	String followForm() {
		return "intake/public-follow";
	}

	@PostMapping("/follow")
	String follow(@RequestParam String number, @RequestParam String phone, HttpServletRequest request, Model model) {
		limits.lookup(request.getRemoteAddr());
		model.addAttribute("status", desk.publicStatus(number, phone).orElse(null));
		model.addAttribute("asked", true);
		return "intake/public-follow";
	}

	@ExceptionHandler
	String tooMany(PublicLimits.TooManyRequests tooMany, HttpServletResponse response, Model model) {
		response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
		problems.show(model, tooMany);
		response.setStatus(429);
		return "intake/public-follow";
	}


	/** The receiver of online applications: the platform's online window. */
	static final Caller ONLINE = new Caller() {

		@Override
		public String name() {
			return "online";
		}

		@Override
		public Set<String> roles() {
			return Set.of();
		}

		@Override
		public @Nullable DivisionCode regionScope() {
			return null;
		}

		@Override
		public String organisation() {
			return "网上受理";
		}

	};

}
