package org.jijinan.region;

import java.time.LocalDate;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An administrative division (行政区划). Its code has the length its level demands and lies under its parent's
 * code; its {@code ancestry} lists every code from the province down, so scope checks are one prefix test.
 */
@Table("region_division")
class Division {

	private final @Id DivisionCode code;

	private final String name;

	private final DivisionLevel level;

	private final @Nullable DivisionCode parentCode;

	private final @Nullable LocalDate validFrom;

	private final @Nullable LocalDate validTo;

	private final @Nullable DivisionCode successorCode;

	private final String ancestry;

	private final boolean demo;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Division(DivisionCode code, String name, DivisionLevel level, @Nullable DivisionCode parentCode,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable DivisionCode successorCode,
			String ancestry, boolean demo, @Nullable Long version) {
		this.code = code;
		this.name = name;
		this.level = level;
		this.parentCode = parentCode;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.successorCode = successorCode;
		this.ancestry = ancestry;
		this.demo = demo;
		this.version = version;
	}

	/**
	 * Places a new division under its parent, checking the shape of its code, its level and its period.
	 */
	static Division under(@Nullable Division parent, NewDivision spec) {
		if (spec.code().value().length() != spec.level().codeLength()) {
			throw new InvalidInput("region.code-length-mismatch", spec.code(), spec.level());
		}
		if (spec.validFrom() != null && spec.validTo() != null && spec.validTo().isBefore(spec.validFrom())) {
			throw new InvalidInput("region.period-reversed", spec.code());
		}
		if (parent == null) {
			if (spec.level() != DivisionLevel.PROVINCE) {
				throw new InvalidInput("region.parent-required", spec.code());
			}
			return new Division(spec.code(), spec.name(), spec.level(), null, spec.validFrom(), spec.validTo(),
					spec.successorCode(), "/" + spec.code() + "/", spec.demo(), null);
		}
		if (parent.level != spec.level().parentLevel()) {
			throw new InvalidInput("region.parent-level-mismatch", spec.code(), parent.code, spec.level());
		}
		if (!belongsUnder(spec.code(), parent)) {
			throw new InvalidInput("region.code-outside-parent", spec.code(), parent.code);
		}
		return new Division(spec.code(), spec.name(), spec.level(), parent.code, spec.validFrom(), spec.validTo(),
				spec.successorCode(), parent.ancestry + spec.code() + "/", spec.demo(), null);
	}

	private static boolean belongsUnder(DivisionCode code, Division parent) {
		String prefix = switch (parent.level) {
			case PROVINCE -> parent.code.value().substring(0, 2);
			case PREFECTURE -> parent.code.value().substring(0, 4);
			default -> parent.code.value();
		};
		return code.value().startsWith(prefix);
	}

	boolean contains(Division other) {
		return other.ancestry.startsWith(ancestry);
	}

	DivisionCode code() {
		return code;
	}

	String ancestry() {
		return ancestry;
	}

	DivisionView view() {
		return new DivisionView(code, name, level, parentCode, validFrom, validTo, successorCode, demo);
	}

}
