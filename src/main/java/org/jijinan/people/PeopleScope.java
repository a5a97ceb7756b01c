package org.jijinan.people;

import java.util.Set;

import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * Who sees whom: staff of region-scoped units see the persons whose registered residence lies in their subtree;
 * departments, charities and agencies see no one through the registry (they see the persons of the cases referred
 * to them, in those modules). Outside the scope is refused, not filtered.
 */
@Component
class PeopleScope {

	private final RegionDirectory regions;

	PeopleScope(RegionDirectory regions) {
		this.regions = regions;
	}

	/**
	 * @return the path prefix of the caller's region subtree
	 */
	String pathOf(Caller caller) {
		DivisionCode scope = caller.regionScope();
		if (scope == null) {
			throw new Forbidden("people.registry-not-for-organisations");
		}
		return regions.path(scope);
	}

	void requireVisible(Person person, Caller caller) {
		if (!person.residencePath().startsWith(pathOf(caller))) {
			throw new Forbidden("people.out-of-scope");
		}
	}

	Residence residence(DivisionCode village, Caller caller) {
		DivisionView division = regions.find(village)
			.orElseThrow(() -> new InvalidInput("people.unknown-village", village));
		if (division.level() != DivisionLevel.VILLAGE) {
			throw new InvalidInput("people.residence-not-village", village);
		}
		String path = regions.path(village);
		if (!path.startsWith(pathOf(caller))) {
			throw new Forbidden("people.out-of-scope");
		}
		return new Residence(village, path);
	}

	static void requireRole(Caller caller, Set<String> allowed, String code) {
		if (caller.roles().stream().noneMatch(allowed::contains)) {
			throw new Forbidden(code);
		}
	}

}
