package org.jijinan.relief;

import java.util.List;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Forbidden;
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
 * A township's reserve fund and goods (备用金与物资): the ledger, the stock, the county's top-ups and goods received.
 * Township staff see their own township; county staff choose one.
 */
@Controller
@RequestMapping("/relief/reserve")
class ReservePages {

	private final ReserveFund reserve;

	private final GoodsStock goods;

	private final RegionDirectory regions;

	private final PageProblems problems;

	ReservePages(ReserveFund reserve, GoodsStock goods, RegionDirectory regions, PageProblems problems) {
		this.reserve = reserve;
		this.goods = goods;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable DivisionCode township, @AuthenticationPrincipal Caller caller,
			Model model) {
		return page(chosen(township, caller), caller, model);
	}

	@PostMapping("/{township}/top-ups")
	String topUp(@PathVariable DivisionCode township, @RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			reserve.topUp(township, FormNumbers.amount(amount, "relief.amount-invalid"), String.valueOf(reference), note,
					caller);
			return "redirect:/relief/reserve?township=" + township.value();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(township, caller, model);
		}
	}

	@PostMapping("/{township}/goods")
	String receive(@PathVariable DivisionCode township, @RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String quantity,
			@RequestParam(required = false) @Nullable String reference, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			goods.receive(township, new GoodsStock.Item(String.valueOf(item), String.valueOf(unit),
					FormNumbers.count(quantity, "relief.goods-quantity-invalid")),
					String.valueOf(reference), caller);
			return "redirect:/relief/reserve?township=" + township.value();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(township, caller, model);
		}
	}

	private String page(DivisionCode township, Caller caller, Model model) {
		model.addAttribute("township", regions.require(township));
		model.addAttribute("ledger", reserve.ledger(township, caller));
		model.addAttribute("stock", goods.stock(township, caller));
		model.addAttribute("goodsEntries", goods.entries(township, caller));
		model.addAttribute("townships", caller.regionScope() != null && caller.regionScope().value().length() == 6
				? regions.children(caller.regionScope()).stream().filter(d -> d.validTo() == null).toList()
				: List.<DivisionView>of());
		model.addAttribute("mayTopUp", caller.roles().stream().anyMatch(ReserveFund.TOP_UP_ROLES::contains));
		return "relief/reserve";
	}

	private DivisionCode chosen(@Nullable DivisionCode township, Caller caller) {
		if (caller.regionScope() == null || caller.roles().stream().noneMatch(GoodsStock.KEEPERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		if (township != null) {
			return township;
		}
		if (caller.regionScope().value().length() == 9) {
			return caller.regionScope();
		}
		return regions.children(caller.regionScope())
			.stream()
			.filter(d -> d.validTo() == null)
			.findFirst()
			.map(DivisionView::code)
			.orElseThrow(() -> new Forbidden("relief.out-of-scope"));
	}

}
