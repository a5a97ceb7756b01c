package org.jijinan.region;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region module's front door: look divisions up, walk the tree, test containment for data scopes and import
 * further divisions.
 * <p>
 * A division, once stored, never changes (imports only add; a code is never reused), so every division found is
 * kept in memory and looked up again without the database — every request routes through a few of them. Codes not
 * found are not kept: another node may import them.
 */
@Service
@Transactional(readOnly = true)
public class RegionDirectory {

	private final Divisions divisions;

	private final DivisionImport importer;

	/** The divisions found so far; cleared when it grows past a province's worth. */
	private final java.util.concurrent.ConcurrentMap<DivisionCode, Division> known =
			new java.util.concurrent.ConcurrentHashMap<>();

	RegionDirectory(Divisions divisions, DivisionImport importer) {
		this.divisions = divisions;
		this.importer = importer;
	}

	/**
	 * @param code a division code
	 * @return the division, if known
	 */
	public Optional<DivisionView> find(DivisionCode code) {
		return lookUp(code).map(Division::view);
	}

	/**
	 * @param code a division code
	 * @return the division
	 * @throws NotFound {@code region.unknown-code} when there is no such division
	 */
	public DivisionView require(DivisionCode code) {
		return find(code).orElseThrow(() -> unknown(code));
	}

	/**
	 * @param code a division code
	 * @return its direct subdivisions, ordered by code
	 */
	public List<DivisionView> children(DivisionCode code) {
		require(code);
		return divisions.findChildren(code.value()).stream().map(Division::view).toList();
	}

	/**
	 * @param county a county
	 * @param day a day
	 * @return the county's townships in use on the day, ordered by code
	 */
	public List<DivisionView> townships(DivisionCode county, java.time.LocalDate day) {
		return children(county).stream()
			.filter(division -> division.level() == DivisionLevel.TOWNSHIP && division.isValidOn(day))
			.toList();
	}

	/**
	 * @param code what someone gave as a township's code (may be anything)
	 * @param county a county
	 * @return the township, when the code names one of the county's
	 */
	public Optional<DivisionView> townshipOf(String code, DivisionCode county) {
		String given = code.strip();
		if (!given.matches("\\d{9}") || !given.startsWith(county.value())) {
			return Optional.empty();
		}
		return find(new DivisionCode(given)).filter(found -> found.level() == DivisionLevel.TOWNSHIP);
	}

	/**
	 * @param code a division code
	 * @return the chain from the province down to the division itself
	 */
	public List<DivisionView> lineage(DivisionCode code) {
		String ancestry = load(code).ancestry();
		return java.util.Arrays.stream(ancestry.split("/"))
			.filter(part -> !part.isEmpty())
			.map(part -> load(new DivisionCode(part)).view())
			.toList();
	}

	/**
	 * @param code a division code
	 * @return its path from the province down, such as {@code /630000/632500/632521/}; a division lies within
	 * another exactly when its path starts with the other's
	 */
	public String path(DivisionCode code) {
		return load(code).ancestry();
	}

	/**
	 * @param code a division
	 * @param scope the root of a subtree
	 * @return whether the division is the root or lies below it; {@code false} if either is unknown
	 */
	public boolean isWithin(DivisionCode code, DivisionCode scope) {
		var inner = lookUp(code);
		var outer = lookUp(scope);
		return inner.isPresent() && outer.isPresent() && outer.get().contains(inner.get());
	}

	/**
	 * Adds the divisions of a CSV file, all or none.
	 * @param csv the file ({@code code,name,level,parent_code,valid_from,valid_to,successor_code})
	 * @param caller who imports; every row must lie within the caller's scope
	 * @return how many divisions were added
	 * @throws org.jijinan.shared.ImportRejected listing every bad row; nothing is stored then
	 */
	@Transactional
	public int importCsv(Reader csv, Caller caller) {
		return importer.run(csv, caller, false);
	}

	private Division load(DivisionCode code) {
		return lookUp(code).orElseThrow(() -> unknown(code));
	}

	private Optional<Division> lookUp(DivisionCode code) {
		Division kept = known.get(code);
		if (kept != null) {
			return Optional.of(kept);
		}
		Optional<Division> found = divisions.findById(code);
		found.ifPresent(division -> {
			if (known.size() > 200_000) {
				known.clear();
			}
			known.put(code, division);
		});
		return found;
	}

	private static NotFound unknown(DivisionCode code) {
		return new NotFound("region.unknown-code", code);
	}

}
