package org.jijinan.relief;

import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people a relief decision passes through: a township window clerk, two township reviewers (经办 and 审核), a
 * township approver, and the county's reviewer and approver.
 */
public final class ReliefStaff {

	public final Visitor clerk;

	public final Visitor handler;

	public final String handlerName;

	public final Visitor reviewer;

	public final Visitor townshipApprover;

	public final Visitor countyReviewer;

	public final Visitor countyApprover;

	public ReliefStaff(int port, ApplicationContext context) {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var handlerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER);
		handlerName = handlerAccount.username();
		handler = StaffFixtures.signedIn(port, handlerAccount);
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		townshipApprover = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		countyReviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		countyApprover = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
	}

	/**
	 * @return a case being investigated, opened from an emergency request for the given cause
	 */
	public String investigatedCase(String requestBody) {
		String number = CaseFixtures.acceptedCase(clerk, handler, requestBody);
		CaseFixtures.linkedToNewPerson(handler, number);
		Visitor.Page moved = handler.json("POST", "/api/v1/cases/" + number + "/transitions",
				"{\"to\": \"INVESTIGATING\"}");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		return number;
	}

	public String investigatedCase() {
		return investigatedCase(IntakeTests.request("EMERGENCY", "13909741234", "FIRE"));
	}

	public static String proposal(String cash, String extra) {
		return """
				{"cause": "FIRE", "band": "一档", "persons": 4, "urban": false, "cashAmount": %s,
				 "payeeName": "才让", "payeeAccount": "6228480086012345678", "payeeBank": "中国农业银行共和县支行"%s}"""
			.formatted(cash, extra);
	}

}
