package org.jijinan.people;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of a roster holds what, read from its header row. Rosters from the civil-affairs system and from
 * departments name their columns differently; each field accepts the usual names. Name, ID number and village are
 * required; unknown columns are ignored.
 */
final class RosterColumns {

	/**
	 * The fields a roster row can carry.
	 */
	enum Field {

		NAME("姓名", "name"), ID_NUMBER("公民身份号码", "身份证号码", "身份证号", "id_number", "idnumber"),
		PHONE("联系电话", "电话", "手机号码", "phone"), VILLAGE("户籍村代码", "户籍地代码", "村代码", "户籍地", "village",
				"residence"),
		ETHNICITY("民族", "ethnicity"), ADDRESS("现住址", "住址", "address"), GRADE("等级", "残疾等级", "grade"),
		HEAD_ID_NUMBER("户主公民身份号码", "户主身份证号码", "户主身份证号", "head_id_number"),
		RELATIONSHIP("与户主关系", "relationship");

		private final List<String> names;

		Field(String... names) {
			this.names = List.of(names);
		}

		String label() {
			return names.get(0);
		}

	}

	private static final Set<Field> REQUIRED = Set.of(Field.NAME, Field.ID_NUMBER, Field.VILLAGE);

	private final Map<Field, Integer> positions;

	private RosterColumns(Map<Field, Integer> positions) {
		this.positions = positions;
	}

	/**
	 * @throws RosterRejected {@code people.roster-headers} naming the required columns when one is missing
	 */
	static RosterColumns of(List<String> header) {
		Map<Field, Integer> positions = new EnumMap<>(Field.class);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
			for (Field field : Field.values()) {
				if (field.names.contains(name) && !positions.containsKey(field)) {
					positions.put(field, i);
				}
			}
		}
		if (!positions.keySet().containsAll(REQUIRED)) {
			throw new RosterRejected("people.roster-headers");
		}
		return new RosterColumns(positions);
	}

	boolean has(Field field) {
		return positions.containsKey(field);
	}

	String get(List<String> cells, Field field) {
		Integer position = positions.get(field);
		return position == null || position >= cells.size() ? "" : cells.get(position);
	}

	Optional<Integer> position(Field field) {
		return Optional.ofNullable(positions.get(field));
	}

}
