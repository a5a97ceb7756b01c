package org.jijinan.people;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.jijinan.shared.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The review list of look-alike pairs, as a page and over the API.
 */
@Controller
class LookalikePages {

	private final Lookalikes lookalikes;

	LookalikePages(Lookalikes lookalikes) {
		this.lookalikes = lookalikes;
	}

	@GetMapping("/people/lookalikes")
	String page(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("pairs", lookalikes.open(caller));
		return "people/lookalikes";
	}

	@PostMapping("/people/lookalikes/{id}/review")
	String review(@PathVariable UUID id, @RequestParam Lookalikes.Outcome outcome,
			@AuthenticationPrincipal Caller caller) {
		lookalikes.resolve(id, outcome, caller);
		return "redirect:/people/lookalikes";
	}

	@Operation(summary = "List open look-alike pairs",
			description = "Persons with the same name, birth date and village but another number.")
	@GetMapping("/api/v1/lookalikes")
	@ResponseBody
	List<Lookalikes.LookalikeView> list(@AuthenticationPrincipal Caller caller) {
		return lookalikes.open(caller);
	}

	@Operation(summary = "Resolve a look-alike pair", description = "Problems: 403, 404, 409.")
	@PostMapping("/api/v1/lookalikes/{id}/review")
	@ResponseBody
	void reviewOverApi(@PathVariable UUID id, @RequestParam Lookalikes.Outcome outcome,
			@AuthenticationPrincipal Caller caller) {
		lookalikes.resolve(id, outcome, caller);
	}

}
