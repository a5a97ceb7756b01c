package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jijinan.shared.RuleViolation;

/**
 * The relief parameters a region sets for a period: the monthly minimum-living standard (低保标准), temporary
 * assistance per hardship cause, who approves what, the emergency path, schemes that exclude each other and the
 * medical rules. Checked when made; a violation is refused with {@code relief.policy-invalid} and the field.
 *
 * @param urbanStandard the monthly standard per person in towns (城市低保标准), yuan
 * @param ruralStandard the monthly standard per person in the countryside (农村低保标准), yuan
 * @param hardship temporary-assistance rules, one per hardship cause
 * @param townshipApprovalLimit the largest grant a township may approve on the county's behalf; above it the county
 * approves
 * @param emergencyLimit the largest grant a township officer may make at once on the emergency path (先行救助)
 * @param paperworkWorkingDays working days to complete the paperwork after emergency aid
 * @param exclusiveSchemes pairs of schemes a household may not receive for the same cause in the same year
 * @param medical the medical rules (basic insurance, critical-illness insurance, medical assistance)
 */
public record PolicyRules(BigDecimal urbanStandard, BigDecimal ruralStandard, List<HardshipRule> hardship,
		BigDecimal townshipApprovalLimit, BigDecimal emergencyLimit, int paperworkWorkingDays,
		List<List<String>> exclusiveSchemes, MedicalRules medical) {

	public PolicyRules {
		check(hardship != null, "hardship");
		check(medical != null, "medical");
		exclusiveSchemes = exclusiveSchemes == null ? List.of() : exclusiveSchemes;
		hardship = List.copyOf(hardship);
		exclusiveSchemes = exclusiveSchemes.stream().map(List::copyOf).toList();
		standard(urbanStandard, "urbanStandard");
		standard(ruralStandard, "ruralStandard");
		amount(townshipApprovalLimit, "townshipApprovalLimit");
		amount(emergencyLimit, "emergencyLimit");
		paperworkDays(paperworkWorkingDays);
		Set<String> causes = new HashSet<>();
		for (HardshipRule rule : hardship) {
			check(causes.add(rule.cause()), "hardship.cause");
		}
		for (List<String> pair : exclusiveSchemes) {
			check(pair.size() == 2 && !pair.get(0).equals(pair.get(1)), "exclusiveSchemes");
		}
	}

	/**
	 * @return the rule for a hardship cause
	 */
	public Optional<HardshipRule> hardshipRule(String cause) {
		return hardship.stream().filter(rule -> rule.cause().equals(cause)).findFirst();
	}

	/**
	 * @return the monthly standard for an urban or a rural household
	 */
	public BigDecimal standard(boolean urban) {
		return urban ? urbanStandard : ruralStandard;
	}

	/**
	 * @return whether a household may not receive both schemes for one cause in one year
	 */
	public boolean excludeEachOther(String scheme, String other) {
		return exclusiveSchemes.stream()
			.anyMatch(pair -> pair.contains(scheme) && pair.contains(other) && !scheme.equals(other));
	}

	static void check(boolean valid, String field) {
		if (!valid) {
			throw new RuleViolation("relief.policy-invalid", field);
		}
	}

	/** A monthly standard: an amount above zero. */
	static void standard(BigDecimal amount, String field) {
		amount(amount, field);
		check(amount.signum() > 0, field);
	}

	/** The working days to complete the paperwork after emergency aid: 1 to 60. */
	static void paperworkDays(int days) {
		check(days >= 1 && days <= 60, "paperworkWorkingDays");
	}

	static void amount(BigDecimal amount, String field) {
		check(amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2, field);
	}

	/**
	 * Temporary assistance for one hardship cause: so many times the monthly standard per person, for so many months,
	 * graded in bands by how hard the household is hit, capped per grant and per household per year.
	 *
	 * @param cause the hardship cause (as intake codes it, such as {@code FIRE})
	 * @param multiple the multiple of the monthly standard per person per month
	 * @param months the months covered
	 * @param bands the grades of hardship with their share of the full amount (一档 100 %, 二档 …)
	 * @param perGrantCap the largest single grant
	 * @param householdYearlyCap the most one household may receive for all causes in a calendar year
	 * @param oncePerYear whether a household may receive it only once per cause per calendar year
	 */
	public record HardshipRule(String cause, BigDecimal multiple, int months, List<Band> bands,
			BigDecimal perGrantCap, BigDecimal householdYearlyCap, boolean oncePerYear) {

		public HardshipRule {
			check(bands != null, "hardship.bands");
			bands = List.copyOf(bands);
			check(cause != null && cause.matches("[A-Z_]{2,40}"), "hardship.cause");
			check(multiple != null && multiple.signum() > 0 && multiple.compareTo(BigDecimal.TEN) <= 0,
					"hardship.multiple");
			check(months >= 1 && months <= 12, "hardship.months");
			check(!bands.isEmpty(), "hardship.bands");
			amount(perGrantCap, "hardship.perGrantCap");
			amount(householdYearlyCap, "hardship.householdYearlyCap");
			check(perGrantCap.signum() > 0 && perGrantCap.compareTo(householdYearlyCap) <= 0,
					"hardship.perGrantCap");
		}

		/**
		 * @return the band of that name
		 */
		public Optional<Band> band(String name) {
			return bands.stream().filter(band -> band.name().equals(name)).findFirst();
		}

	}

	/**
	 * A grade of hardship and its share of the full amount.
	 *
	 * @param name the band's name (一档, 二档 …)
	 * @param ratio its share, above 0 and at most 1
	 */
	public record Band(String name, BigDecimal ratio) {

		public Band {
			check(name != null && !name.isBlank() && name.length() <= 20, "hardship.bands");
			check(ratio != null && ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) <= 0, "hardship.bands");
		}

	}

}
