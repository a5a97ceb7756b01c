package org.jijinan.intake;

import java.net.URI;
import java.util.List;

import org.jijinan.region.PlaceNames;
import org.jijinan.region.Places;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Village posters (村级求助海报): one for each current village of the county the public pages serve, within the
 * viewer's area, whose QR code opens the public form with that village chosen. Retired villages and townships get
 * none.
 */
@Service
class VillagePosters {

	private final Places places;

	private final PlaceNames names;

	private final RegionDirectory regions;

	private final IntakeSettings settings;

	VillagePosters(Places places, PlaceNames names, RegionDirectory regions, IntakeSettings settings) {
		this.places = places;
		this.names = names;
		this.regions = regions;
		this.settings = settings;
	}

	/**
	 * @param viewer who prints
	 * @return the townships with villages in the viewer's area, each with only those villages, by code
	 * @throws Forbidden {@code intake.poster-out-of-scope} for a viewer without an area
	 */
	List<Places.Township> townships(Caller viewer) {
		DivisionCode area = area(viewer);
		return places.villagesFor(county())
			.stream()
			.map(township -> within(township, area))
			.filter(township -> !township.villages().isEmpty())
			.toList();
	}

	/**
	 * @param code a township's code as it came in the address
	 * @return the township with the villages of the viewer's area
	 * @throws NotFound {@code intake.poster-township-unknown} unless it is a current township of the county with
	 * villages
	 * @throws Forbidden {@code intake.poster-out-of-scope} when none of its villages is in the viewer's area
	 */
	Places.Township township(Caller viewer, String code) {
		DivisionCode area = area(viewer);
		Places.Township township = places.villagesFor(county())
			.stream()
			.filter(candidate -> candidate.code().value().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFound("intake.poster-township-unknown"));
		Places.Township shown = within(township, area);
		if (shown.villages().isEmpty()) {
			throw new Forbidden("intake.poster-out-of-scope");
		}
		return shown;
	}

	/**
	 * @param code a village's code as it came in the address
	 * @param base the platform's address as the viewer reached it, used when no public address is set
	 * @throws NotFound {@code intake.poster-village-unknown} unless it is a current village of the county
	 * @throws Forbidden {@code intake.poster-out-of-scope} when it is outside the viewer's area
	 */
	Poster poster(Caller viewer, String code, URI base) {
		DivisionCode area = area(viewer);
		for (Places.Township township : places.villagesFor(county())) {
			var village = township.village(code);
			if (village.isPresent()) {
				if (within(township, area).village(code).isEmpty()) {
					throw new Forbidden("intake.poster-out-of-scope");
				}
				return poster(township, village.get(), base);
			}
		}
		throw new NotFound("intake.poster-village-unknown");
	}

	/**
	 * @return the posters of the township's villages, in its order
	 */
	List<Poster> posters(Places.Township township, URI base) {
		return township.villages().stream().map(village -> poster(township, village, base)).toList();
	}

	private Poster poster(Places.Township township, Places.Village village, URI base) {
		URI address = settings.publicAddress() == null ? base : settings.publicAddress();
		String root = address.toString().replaceAll("/+$", "");
		String link = UriComponentsBuilder.fromUriString(root + "/public/apply")
			.queryParam("village", village.code().value())
			.build()
			.toUriString();
		return new Poster(names.of(county()), township.name(), village.name(), village.code().value(), link,
				root.replaceFirst("^https?://", ""), settings.hotlineNumber(), settings.hotlineHours());
	}

	private Places.Township within(Places.Township township, DivisionCode area) {
		if (regions.isWithin(township.code(), area)) {
			return township;
		}
		return new Places.Township(township.code(), township.name(),
				township.villages().stream().filter(village -> village.code().equals(area)).toList());
	}

	private static DivisionCode area(Caller viewer) {
		DivisionCode area = viewer.regionScope();
		if (area == null) {
			throw new Forbidden("intake.poster-out-of-scope");
		}
		return area;
	}

	private DivisionCode county() {
		return DivisionCode.of(settings.publicCounty());
	}

}
