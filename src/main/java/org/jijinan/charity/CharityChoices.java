package org.jijinan.charity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jijinan.identity.Staff;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.people.CategoryStandings;
import org.jijinan.region.DivisionView;
import org.jijinan.region.Places;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a charity's forms offer to choose by name, never to type as codes: the areas it may serve (its county and the
 * county's townships), the hardship causes and the registry's categories of people.
 */
@Component
class CharityChoices {

	private final RegionDirectory regions;

	private final Places places;

	private final IntakeDesk intake;

	private final CategoryStandings categories;

	CharityChoices(RegionDirectory regions, Places places, IntakeDesk intake, CategoryStandings categories) {
		this.regions = regions;
		this.places = places;
		this.intake = intake;
		this.categories = categories;
	}

	/**
	 * Adds {@code areaChoices}, {@code areaNames} (code to name), {@code county} (the code first chosen),
	 * {@code causeChoices} and {@code groupChoices}.
	 */
	void offer(Model model, Caller caller) {
		List<DivisionView> areas = areas(caller);
		Map<String, String> names = new LinkedHashMap<>();
		areas.forEach(area -> names.put(area.code().value(), area.name()));
		model.addAttribute("areaChoices", areas);
		model.addAttribute("areaNames", names);
		model.addAttribute("county", countyOf(caller));
		model.addAttribute("causeChoices", intake.causes());
		model.addAttribute("groupChoices", categories.categories());
	}

	/**
	 * @return the county the caller's unit lies in, as a code; the county's whole area is a charity's first choice
	 */
	static String countyOf(Caller caller) {
		return caller instanceof Staff staff ? staff.unit().divisionCode().value().substring(0, 6) : "";
	}

	private List<DivisionView> areas(Caller caller) {
		String county = countyOf(caller);
		if (county.isEmpty()) {
			return List.of();
		}
		List<DivisionView> areas = new ArrayList<>();
		regions.find(new DivisionCode(county)).ifPresent(areas::add);
		areas.addAll(places.townshipsOf(new DivisionCode(county)));
		return areas;
	}

}
