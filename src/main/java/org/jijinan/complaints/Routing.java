package org.jijinan.complaints;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitKind;
import org.jijinan.identity.UnitView;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who handles a complaint: never the unit complained about. A complaint about a township, a village committee, the
 * hotline, a charity or an agency — or about no unit in particular — goes to the county's civil affairs bureau; one
 * about the bureau itself, a department or a hospital goes to the county's supervision office. The level above the
 * bureau is the supervision office; the level above the office is the office's leaders.
 */
@Component
class Routing {

	private static final Set<UnitKind> OVERSEEN_BY_THE_OFFICE = Set.of(UnitKind.COUNTY_CIVIL_AFFAIRS,
			UnitKind.HEALTH_DEPARTMENT, UnitKind.EDUCATION_DEPARTMENT, UnitKind.HOUSING_DEPARTMENT,
			UnitKind.HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT, UnitKind.MEDICAL_SECURITY_DEPARTMENT,
			UnitKind.DISABLED_PERSONS_FEDERATION, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, UnitKind.HOSPITAL);

	private final StaffDirectory directory;

	Routing(StaffDirectory directory) {
		this.directory = directory;
	}

	/**
	 * @param countyPath the county's division path
	 * @return the units of the county a complaint may name, by division and name (names of units are public)
	 */
	List<UnitView> subjects(String countyPath) {
		return directory.referralTargets(countyPath);
	}

	/**
	 * @param subject the unit complained about, if one was named
	 * @param countyPath the county
	 * @return the first handler
	 */
	Complaint.Handler first(@Nullable UnitView subject, String countyPath) {
		UnitKind preferred = subject != null && OVERSEEN_BY_THE_OFFICE.contains(subject.kind())
				? UnitKind.SUPERVISION_OFFICE : UnitKind.COUNTY_CIVIL_AFFAIRS;
		UnitKind other = preferred == UnitKind.SUPERVISION_OFFICE ? UnitKind.COUNTY_CIVIL_AFFAIRS
				: UnitKind.SUPERVISION_OFFICE;
		return unitOf(preferred, countyPath).or(() -> unitOf(other, countyPath))
			.filter(unit -> subject == null || !unit.id().equals(subject.id()))
			.map(Routing::handler)
			.orElseThrow(() -> new RuleViolation("complaints.no-handler"));
	}

	/**
	 * @return who answers an escalated complaint: the supervision office above the bureau (unless the office is what
	 * the complaint is about), otherwise the current unit's leaders
	 */
	Complaint.Handler above(Complaint complaint) {
		if (complaint.handler().kind() == UnitKind.COUNTY_CIVIL_AFFAIRS
				&& complaint.subjectKind() != UnitKind.SUPERVISION_OFFICE) {
			Optional<UnitView> office = unitOf(UnitKind.SUPERVISION_OFFICE, complaint.countyPath());
			if (office.isPresent()) {
				return handler(office.get());
			}
		}
		return complaint.handler();
	}

	/**
	 * @return the roles of a unit's staff who handle complaints sent to it
	 */
	static Set<String> rolesOf(UnitKind kind) {
		return switch (kind) {
			case SUPERVISION_OFFICE -> Set.of("SUPERVISOR", "LEADER");
			case COUNTY_CIVIL_AFFAIRS -> Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER");
			default -> Set.of();
		};
	}

	private Optional<UnitView> unitOf(UnitKind kind, String countyPath) {
		return directory.referralTargets(countyPath).stream().filter(unit -> unit.kind() == kind).findFirst();
	}

	private static Complaint.Handler handler(UnitView unit) {
		return new Complaint.Handler(unit.id().value(), unit.name(), unit.kind());
	}

}
