package org.jijinan.people;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijinan.people.RosterColumns.Field;
import org.jijinan.region.DivisionLevel;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.ResidentIdNumber;
import org.jspecify.annotations.Nullable;

/**
 * Checks one roster row and seals its personal numbers; a row that fails any check becomes a problem naming the
 * column. Village look-ups are cached for the run (a county has a few hundred villages).
 */
final class RosterRowCheck {

	private final RosterColumns columns;

	private final String scopePath;

	private final boolean graded;

	private final boolean household;

	private final LocalDate today;

	private final PersonalData data;

	private final RegionDirectory regions;

	private final Map<String, Optional<Residence>> villages = new HashMap<>();

	RosterRowCheck(RosterColumns columns, String scopePath, boolean graded, boolean household, LocalDate today,
			PersonalData data, RegionDirectory regions) {
		this.columns = columns;
		this.scopePath = scopePath;
		this.graded = graded;
		this.household = household;
		this.today = today;
		this.data = data;
		this.regions = regions;
	}

	/**
	 * @return the checked line, or the problem with its column
	 */
	Checked check(int rowNumber, List<String> cells) {
		Field field = Field.NAME;
		try {
			String name = cells.isEmpty() ? "" : columns.get(cells, Field.NAME);
			if (name.isEmpty() || name.codePointCount(0, name.length()) > 50) {
				return Checked.problem(rowNumber, field, "people.name-invalid");
			}
			field = Field.ID_NUMBER;
			ResidentIdNumber number = ResidentIdNumber.parse(columns.get(cells, Field.ID_NUMBER));
			if (number.birthDate().isAfter(today)) {
				return Checked.problem(rowNumber, field, "people.born-in-future");
			}
			field = Field.VILLAGE;
			Optional<Residence> residence = residence(columns.get(cells, Field.VILLAGE));
			if (residence.isEmpty()) {
				return Checked.problem(rowNumber, field, "people.unknown-village");
			}
			if (!residence.get().path().startsWith(scopePath)) {
				return Checked.problem(rowNumber, field, "people.out-of-scope");
			}
			field = Field.PHONE;
			String phoneText = columns.get(cells, Field.PHONE);
			@Nullable PhoneNumber phone = phoneText.isEmpty() ? null : PhoneNumber.parse(phoneText);
			field = Field.ETHNICITY;
			String ethnicityText = columns.get(cells, Field.ETHNICITY);
			@Nullable Ethnicity ethnicity = ethnicityText.isEmpty() ? null : Ethnicity.of(ethnicityText)
				.orElseThrow(() -> new org.jijinan.shared.InvalidInput("people.unknown-ethnicity"));
			field = Field.GRADE;
			@Nullable Integer grade = grade(columns.get(cells, Field.GRADE));
			String address = columns.get(cells, Field.ADDRESS);
			field = Field.RELATIONSHIP;
			@Nullable Relationship relationship = household ? relationship(columns.get(cells, Field.RELATIONSHIP)) : null;
			field = Field.HEAD_ID_NUMBER;
			@Nullable String headHash = household ? headHash(columns.get(cells, Field.HEAD_ID_NUMBER), number,
					relationship) : null;
			return Checked.line(new RosterLine(rowNumber, name, number, data.seal(number),
					phone == null ? null : data.seal(phone), phone == null ? null : phone.masked(), residence.get(),
					ethnicity, address.isEmpty() ? null : truncate(address), grade, headHash, relationship));
		}
		catch (DomainProblem problem) {
			return Checked.problem(rowNumber, field, problem.code());
		}
	}

	private String headHash(String text, ResidentIdNumber own, Relationship relationship) {
		ResidentIdNumber head = ResidentIdNumber.parse(text);
		if ((relationship == Relationship.HEAD) != head.equals(own)) {
			throw new org.jijinan.shared.InvalidInput("people.roster-head-mismatch");
		}
		return data.lookup(head);
	}

	private static Relationship relationship(String text) {
		return RELATIONSHIPS.entrySet()
			.stream()
			.filter(entry -> entry.getValue().contains(text.strip()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new org.jijinan.shared.InvalidInput("people.roster-relationship-unknown"));
	}

	private static final Map<Relationship, List<String>> RELATIONSHIPS = Map.of(Relationship.HEAD,
			List.of("户主", "本人", "HEAD"), Relationship.SPOUSE, List.of("配偶", "妻", "夫", "妻子", "丈夫", "SPOUSE"),
			Relationship.CHILD, List.of("子女", "子", "女", "儿子", "女儿", "长子", "长女", "次子", "次女", "CHILD"),
			Relationship.PARENT, List.of("父母", "父亲", "母亲", "父", "母", "PARENT"), Relationship.GRANDPARENT,
			List.of("祖父母", "祖父", "祖母", "外祖父", "外祖母", "GRANDPARENT"), Relationship.GRANDCHILD,
			List.of("孙子女", "孙子", "孙女", "外孙子", "外孙女", "GRANDCHILD"), Relationship.SIBLING,
			List.of("兄弟姐妹", "兄", "弟", "姐", "妹", "SIBLING"), Relationship.OTHER_RELATIVE,
			List.of("其他亲属", "儿媳", "女婿", "OTHER_RELATIVE"), Relationship.NON_RELATIVE,
			List.of("非亲属", "其他", "NON_RELATIVE"));

	private @Nullable Integer grade(String text) {
		if (!graded) {
			return null;
		}
		String digits = text.replace("级", "").strip();
		int grade = digits.length() == 1 ? "一二三四".indexOf(digits) + 1 : 0;
		if (grade == 0) {
			try {
				grade = Integer.parseInt(digits);
			}
			catch (NumberFormatException missing) {
				grade = 0;
			}
		}
		if (grade < 1 || grade > 4) {
			throw new org.jijinan.shared.InvalidInput("people.grade-required");
		}
		return grade;
	}

	private Optional<Residence> residence(String code) {
		return villages.computeIfAbsent(code, text -> {
			try {
				DivisionCode village = DivisionCode.of(text);
				return regions.find(village)
					.filter(division -> division.level() == DivisionLevel.VILLAGE)
					.map(division -> new Residence(village, regions.path(village)));
			}
			catch (DomainProblem malformed) {
				return Optional.empty();
			}
		});
	}

	private static String truncate(String address) {
		return address.length() > 200 ? address.substring(0, 200) : address;
	}

	/**
	 * The outcome of checking one row: a line to store, or a problem.
	 *
	 * @param line the line, when the row is good
	 * @param rowNumber the row
	 * @param column the column at fault
	 * @param code the problem code
	 */
	record Checked(@Nullable RosterLine line, int rowNumber, @Nullable String column, @Nullable String code) {

		static Checked line(RosterLine line) {
			return new Checked(line, line.rowNumber(), null, null);
		}

		static Checked problem(int rowNumber, Field column, String code) {
			return new Checked(null, rowNumber, column.label(), code);
		}

	}

}
