package org.jijinan.region;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * For pages: a division's name where records keep its code. Templates call it as
 * {@code ${@placeNames.of(unit.divisionCode())}}; nobody reads a twelve-digit code on a page.
 */
@Component("placeNames")
public class PlaceNames {

	private final RegionDirectory regions;

	PlaceNames(RegionDirectory regions) {
		this.regions = regions;
	}

	/**
	 * @param code a division code, or {@code null}
	 * @return its name; the code itself when no division has it; "—" for none
	 */
	public String of(@Nullable DivisionCode code) {
		if (code == null) {
			return "—";
		}
		return regions.find(code).map(DivisionView::name).orElse(code.value());
	}

}
