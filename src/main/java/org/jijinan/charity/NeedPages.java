package org.jijinan.charity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The needs board and one need's page, where the work on it is done: a charity takes it up from one of its projects
 * or gives it a pledge, reports what it delivered or gives it up; the township confirms the delivery. A refused form
 * comes back on the need's page with the reason and what was typed.
 */
@Controller
class NeedPages {

	private final NeedsBoard needs;

	private final Claims claims;

	private final Projects projects;

	private final Pledges pledges;

	private final PledgeAllocations allocations;

	private final PageProblems problems;

	NeedPages(NeedsBoard needs, Claims claims, Projects projects, Pledges pledges, PledgeAllocations allocations,
			PageProblems problems) {
		this.needs = needs;
		this.claims = claims;
		this.projects = projects;
		this.pledges = pledges;
		this.allocations = allocations;
		this.problems = problems;
	}

	@GetMapping("/charity/needs")
	String board(@AuthenticationPrincipal Caller caller, Model model) {
		List<NeedView> open = needs.board(caller);
		model.addAttribute("needs", open);
		boolean charity = CharityStaff.isCharity(caller);
		model.addAttribute("charity", charity);
		if (charity) {
			model.addAttribute("myClaims", claims.mine(caller));
			model.addAttribute("claims", Map.of());
		}
		else {
			model.addAttribute("myClaims", List.of());
			Map<UUID, List<ClaimView>> byNeed = claims.ofNeeds(open.stream().map(NeedView::id).toList());
			model.addAttribute("claims", open.stream()
				.collect(Collectors.toMap(need -> need.id().toString(),
						need -> byNeed.getOrDefault(need.id(), List.of()))));
		}
		return "charity/needs";
	}

	@GetMapping("/charity/needs/{id}")
	String need(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		return page(id, caller, model);
	}

	@PostMapping("/charity/needs/{id}/claims")
	String claim(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable String amount, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(id, caller, model, () -> {
			if (projectId == null) {
				throw new InvalidInput("charity.project-required");
			}
			return claims.claim(id, projectId, FormNumbers.amount(amount, "charity.amount-invalid"), caller);
		});
	}

	@PostMapping("/charity/needs/{id}/pledge-allocations")
	String allocate(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID pledgeId,
			@RequestParam(required = false) @Nullable String quantity, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(id, caller, model,
				() -> allocations.allocate(id, pledgeId, FormNumbers.amount(quantity, "charity.pledge-quantity-invalid"),
						caller));
	}

	@PostMapping("/charity/claims/{id}/{step}")
	String act(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal Caller caller, Model model) {
		UUID need = claims.needOf(id);
		return attempt(need, caller, model, () -> switch (step) {
			case "delivery" -> claims.deliver(id, note, caller);
			case "cancellation" -> claims.cancel(id, caller);
			case "confirmation" -> claims.confirm(id, caller);
			default -> throw new NotFound("charity.claim-not-found");
		});
	}

	private String attempt(UUID need, Caller caller, Model model, Supplier<?> action) {
		try {
			action.get();
			return "redirect:/charity/needs/" + need;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(need, caller, model);
		}
	}

	private String page(UUID id, Caller caller, Model model) {
		boolean charity = CharityStaff.isCharity(caller);
		model.addAttribute("need", needs.find(id, caller));
		model.addAttribute("charity", charity);
		model.addAttribute("needClaims", claims.ofNeed(id, caller));
		model.addAttribute("myProjects",
				charity ? projects.list(caller).stream().filter(ProjectView::active).toList() : List.of());
		model.addAttribute("openPledges", charity ? pledges.pledges(caller) : List.of());
		return "charity/need";
	}

}
