package org.jijinan.identity;

import org.jijinan.region.DivisionView;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation unit (机构): a bureau, a township government, a village committee, a partner department, a charity
 * or an agency, attached to the division it serves.
 */
@Table("identity_unit")
class Unit extends AbstractAggregateRoot<Unit> {

	private final @Id UnitId id;

	private final String name;

	private final UnitKind kind;

	private final DivisionCode divisionCode;

	private final String divisionPath;

	private final boolean demo;

	private @Nullable String officePhone;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Unit(UnitId id, String name, UnitKind kind, DivisionCode divisionCode, String divisionPath, boolean demo,
			@Nullable String officePhone, @Nullable Long version) {
		this.id = id;
		this.name = name;
		this.kind = kind;
		this.divisionCode = divisionCode;
		this.divisionPath = divisionPath;
		this.demo = demo;
		this.officePhone = officePhone;
		this.version = version;
	}

	/**
	 * Sets up a unit at a division of the level its kind serves.
	 * @param divisionPath the division's path in the region tree (a copy: divisions never change parent)
	 */
	static Unit establish(String name, UnitKind kind, DivisionView division, String divisionPath, boolean demo) {
		if (division.level() != kind.level()) {
			throw new RuleViolation("identity.unit-level-mismatch", kind, division.level());
		}
		if (division.validTo() != null) {
			throw new RuleViolation("identity.unit-division-retired", division.code());
		}
		var unit = new Unit(UnitId.random(), name.strip(), kind, division.code(), divisionPath, demo, null, null);
		unit.registerEvent(new UnitEstablished(unit.id, kind, division.code()));
		return unit;
	}

	UnitId id() {
		return id;
	}

	String name() {
		return name;
	}

	UnitKind kind() {
		return kind;
	}

	DivisionCode divisionCode() {
		return divisionCode;
	}

	String divisionPath() {
		return divisionPath;
	}

	/**
	 * @param scopePath the path of a region subtree
	 * @return whether the unit serves a division inside it
	 */
	boolean liesWithin(String scopePath) {
		return divisionPath.startsWith(scopePath);
	}

	/**
	 * Sets the office phone applicants are told to call, or clears it when nothing is typed.
	 */
	void changeOfficePhone(@Nullable String typed) {
		this.officePhone = typed == null || typed.isBlank() ? null : PhoneNumber.parse(typed).value();
		registerEvent(new UnitOfficePhoneChanged(id, officePhone));
	}

	UnitView view() {
		return new UnitView(id, name, kind, divisionCode, demo, officePhone);
	}

}
