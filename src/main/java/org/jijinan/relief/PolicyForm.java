package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jijinan.relief.PolicyRules.Band;
import org.jijinan.relief.PolicyRules.HardshipRule;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The relief parameters form as typed: every field as text, one row per hardship cause, and the problems found in
 * them by field, so that a refused form comes back as it was with the reason beside each field. The parts the form
 * does not show (the bands of each cause, schemes that exclude each other, the medical rules) are kept from the set
 * the form started from.
 */
final class PolicyForm {

	/** The parameters shown as one number each, in the form's order. */
	static final List<String> SCALARS = List.of("urbanStandard", "ruralStandard", "townshipApprovalLimit",
			"emergencyLimit", "paperworkWorkingDays");

	/** The numbers of a hardship row, in the form's order. */
	static final List<String> ROW_FIELDS = List.of("multiple", "months", "perGrantCap", "householdYearlyCap");

	/** What a cause the set it started from does not cover is graded in: one band, the full amount. */
	private static final List<Band> ONE_BAND = List.of(new Band("一档", BigDecimal.ONE));

	/** More than any county's parameter; a typing slip, not an amount. */
	private static final BigDecimal MAX = new BigDecimal("100000000");

	private final Map<String, String> values;

	private final List<Row> rows;

	private final Map<String, MessageSourceResolvable> problems = new LinkedHashMap<>();

	private PolicyForm(Map<String, String> values, List<Row> rows) {
		this.values = values;
		this.rows = rows;
	}

	/**
	 * @param basis the set in force, whose values the form starts from (none on a new installation)
	 * @param causeNames the hardship causes to show a row for, code to name
	 * @return the form filled with the set's values
	 */
	static PolicyForm startingFrom(@Nullable PolicyView basis, Map<String, String> causeNames) {
		Map<String, String> values = new LinkedHashMap<>();
		List<Row> rows = new ArrayList<>();
		if (basis != null) {
			PolicyRules rules = basis.rules();
			values.put("basis", basis.id().toString());
			values.put("region", basis.region().value());
			values.put("urbanStandard", rules.urbanStandard().toPlainString());
			values.put("ruralStandard", rules.ruralStandard().toPlainString());
			values.put("townshipApprovalLimit", rules.townshipApprovalLimit().toPlainString());
			values.put("emergencyLimit", rules.emergencyLimit().toPlainString());
			values.put("paperworkWorkingDays", Integer.toString(rules.paperworkWorkingDays()));
		}
		for (var cause : causesOf(basis, causeNames).entrySet()) {
			HardshipRule rule = basis == null ? null : basis.rules().hardshipRule(cause.getKey()).orElse(null);
			rows.add(rule == null ? new Row(cause.getKey(), cause.getValue(), "", "", "", "", false)
					: new Row(cause.getKey(), cause.getValue(), rule.multiple().toPlainString(),
							Integer.toString(rule.months()), rule.perGrantCap().toPlainString(),
							rule.householdYearlyCap().toPlainString(), rule.oncePerYear()));
		}
		return new PolicyForm(values, rows);
	}

	/**
	 * @param typed the submitted fields
	 * @param basis the set the form started from, if it still exists
	 * @param causeNames the hardship causes, code to name
	 * @return the form as typed
	 */
	static PolicyForm typed(Map<String, String> typed, @Nullable PolicyView basis, Map<String, String> causeNames) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : fieldsOfTheSet()) {
			values.put(field, limit(typed.getOrDefault(field, "")));
		}
		List<Row> rows = new ArrayList<>();
		for (var cause : causesOf(basis, causeNames).entrySet()) {
			String code = cause.getKey();
			rows.add(new Row(code, cause.getValue(), limit(typed.getOrDefault("multiple." + code, "")),
					limit(typed.getOrDefault("months." + code, "")),
					limit(typed.getOrDefault("perGrantCap." + code, "")),
					limit(typed.getOrDefault("householdYearlyCap." + code, "")),
					typed.containsKey("oncePerYear." + code)));
		}
		return new PolicyForm(values, rows);
	}

	/**
	 * Reads the parameters, noting a problem beside each field that is wrong.
	 * @param basis the set the form started from, for the parts it does not show
	 * @return the parameters, or {@code null} when a field is wrong
	 */
	@Nullable PolicyRules rules(@Nullable PolicyView basis) {
		BigDecimal urban = amount("urbanStandard");
		BigDecimal rural = amount("ruralStandard");
		BigDecimal township = amount("townshipApprovalLimit");
		BigDecimal emergency = amount("emergencyLimit");
		Integer days = whole("paperworkWorkingDays");
		if (urban != null) {
			ruled(() -> PolicyRules.standard(urban, "urbanStandard"));
		}
		if (rural != null) {
			ruled(() -> PolicyRules.standard(rural, "ruralStandard"));
		}
		if (days != null) {
			ruled(() -> PolicyRules.paperworkDays(days));
		}
		List<HardshipRule> hardship = new ArrayList<>();
		for (Row row : rows) {
			HardshipRule rule = row.rule(this, basis);
			if (rule != null) {
				hardship.add(rule);
			}
		}
		if (basis == null) {
			problems.put("basis", message("relief.policies.invalid.basis"));
		}
		if (!problems.isEmpty() || urban == null || rural == null || township == null || emergency == null
				|| days == null || basis == null) {
			return null;
		}
		try {
			PolicyRules rules = basis.rules();
			return new PolicyRules(urban, rural, hardship, township, emergency, days, rules.exclusiveSchemes(),
					rules.medical());
		}
		catch (RuleViolation violation) {
			String field = fieldOf(violation);
			problems.put(field, message("relief.policies.invalid." + field));
			return null;
		}
	}

	/**
	 * Checks one field against the set's rule for it, noting a problem beside the field it names.
	 */
	private void ruled(Runnable rule) {
		try {
			rule.run();
		}
		catch (RuleViolation violation) {
			String field = fieldOf(violation);
			problem(field, message("relief.policies.invalid." + field));
		}
	}

	/**
	 * @return the first day, or {@code null} with a problem beside the field
	 */
	@Nullable LocalDate day(String field, boolean required) {
		String text = values.getOrDefault(field, "").strip();
		if (text.isEmpty()) {
			if (required) {
				problems.put(field, message("relief.policies.invalid." + field));
			}
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException malformed) {
			problems.put(field, message("relief.policies.invalid." + field));
			return null;
		}
	}

	/**
	 * Notes a problem beside a field, unless one is noted already.
	 */
	void problem(String field, MessageSourceResolvable message) {
		problems.putIfAbsent(field, message);
	}

	/**
	 * @return the message of that key, or the general one when there is none
	 */
	static MessageSourceResolvable message(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key, "relief.policies.invalid.rules" });
	}

	Map<String, String> values() {
		return values;
	}

	List<Row> rows() {
		return rows;
	}

	/**
	 * @return the problems by field
	 */
	Map<String, MessageSourceResolvable> problems() {
		return problems;
	}

	private @Nullable BigDecimal amount(String field) {
		return amount(values.getOrDefault(field, ""), field);
	}

	private @Nullable BigDecimal amount(String text, String field) {
		try {
			BigDecimal amount = new BigDecimal(text.strip());
			if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX) > 0) {
				throw new NumberFormatException(field);
			}
			return amount;
		}
		catch (NumberFormatException malformed) {
			problems.put(field, message("relief.policies.invalid." + baseName(field)));
			return null;
		}
	}

	private @Nullable Integer whole(String field) {
		return whole(values.getOrDefault(field, ""), field);
	}

	private @Nullable Integer whole(String text, String field) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException malformed) {
			problems.put(field, message("relief.policies.invalid." + baseName(field)));
			return null;
		}
	}

	/** The field a rule of the set names when it refuses a value. */
	private static String fieldOf(RuleViolation violation) {
		return violation.arguments().length > 0 ? String.valueOf(violation.arguments()[0]) : "rules";
	}

	private static String baseName(String field) {
		int dot = field.indexOf('.');
		return dot < 0 ? field : "hardship." + field.substring(0, dot);
	}

	private static List<String> fieldsOfTheSet() {
		List<String> fields = new ArrayList<>(List.of("basis", "region", "validFrom", "validTo", "note"));
		fields.addAll(SCALARS);
		return fields;
	}

	private static Map<String, String> causesOf(@Nullable PolicyView basis, Map<String, String> causeNames) {
		Map<String, String> causes = new LinkedHashMap<>(causeNames);
		if (basis != null) {
			basis.rules().hardship().forEach(rule -> causes.putIfAbsent(rule.cause(), rule.cause()));
		}
		return causes;
	}

	private static String limit(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

	/**
	 * One hardship cause's row as typed; a row left empty means the set does not cover the cause.
	 *
	 * @param cause the cause's code
	 * @param name its name
	 * @param multiple the multiple of the monthly standard
	 * @param months the months covered
	 * @param perGrantCap the largest single grant
	 * @param householdYearlyCap the most per household per year
	 * @param oncePerYear whether once per cause per year
	 */
	record Row(String cause, String name, String multiple, String months, String perGrantCap,
			String householdYearlyCap, boolean oncePerYear) {

		boolean empty() {
			return multiple.isBlank() && months.isBlank() && perGrantCap.isBlank() && householdYearlyCap.isBlank();
		}

		private @Nullable HardshipRule rule(PolicyForm form, @Nullable PolicyView basis) {
			if (empty()) {
				return null;
			}
			BigDecimal times = form.amount(multiple, "multiple." + cause);
			Integer count = form.whole(months, "months." + cause);
			BigDecimal perGrant = form.amount(perGrantCap, "perGrantCap." + cause);
			BigDecimal yearly = form.amount(householdYearlyCap, "householdYearlyCap." + cause);
			if (times == null || count == null || perGrant == null || yearly == null) {
				return null;
			}
			List<Band> bands = basis == null ? ONE_BAND
					: basis.rules().hardshipRule(cause).map(HardshipRule::bands).orElse(ONE_BAND);
			try {
				return new HardshipRule(cause, times, count, bands, perGrant, yearly, oncePerYear);
			}
			catch (RuleViolation violation) {
				String field = fieldOf(violation);
				String part = ROW_FIELDS.contains(field.replace("hardship.", "")) ? field.replace("hardship.", "")
						: "multiple";
				form.problem(part + "." + cause, message("relief.policies.invalid.hardship." + part));
				return null;
			}
		}

	}

}
