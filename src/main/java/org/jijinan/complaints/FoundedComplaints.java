package org.jijinan.complaints;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseView;
import org.jijinan.relief.Recoveries;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;

import org.springframework.stereotype.Component;

/**
 * What a founded complaint sets in motion with its answer, in the answer's transaction: the case's decision sent
 * back to decision (casework), its aid stopped and recovered (relief); the supervision order and the accountability
 * record follow from the answer's event (supervision).
 */
@Component
class FoundedComplaints {

	private final CaseDesk cases;

	private final Recoveries recoveries;

	FoundedComplaints(CaseDesk cases, Recoveries recoveries) {
		this.cases = cases;
		this.recoveries = recoveries;
	}

	/**
	 * Checks what the handler asked the answer to set in motion, stops and recovers the case's aid and sends its
	 * decision back to decision when asked; a request number names the case it joined.
	 */
	Consequences consequences(Complaint complaint, Finding found, Consequences.Asked asked, Caller caller) {
		if (!asked.any()) {
			return Consequences.NONE;
		}
		if (!found.founded()) {
			throw new RuleViolation("complaints.consequences-need-founded");
		}
		String caseNumber = WrittenText.optional(asked.caseNumber(), 20).toUpperCase(java.util.Locale.ROOT);
		boolean onCase = asked.reopen() || asked.stop() || asked.order() != null;
		if (onCase && caseNumber.isEmpty()) {
			throw new InvalidInput("complaints.case-required");
		}
		String order = asked.order() == null ? null
				: WrittenText.required(asked.order(), 4, 2000, "complaints.order-required");
		if (asked.accountable() && complaint.subjectUnit() == null) {
			throw new RuleViolation("complaints.accountability-needs-unit");
		}
		String person = WrittenText.optional(asked.person(), 100);
		CaseView concerned = null;
		if (onCase) {
			try {
				concerned = caseFor(caseNumber, caller);
			}
			catch (NotFound | Forbidden | InvalidInput unknown) {
				throw new InvalidInput("complaints.case-unknown");
			}
			String grounds = "投诉举报 " + complaint.number() + " 经查" + (found == Finding.FOUNDED ? "属实" : "部分属实");
			if (asked.stop()) {
				recoveries.stop(concerned.number(), grounds, caller);
			}
			if (asked.reopen()) {
				cases.reopen(concerned.number(), grounds, caller);
			}
		}
		return new Consequences(concerned == null ? null : concerned.number(),
				concerned == null ? null : concerned.township(), concerned == null ? null : concerned.handler(),
				asked.reopen(), asked.stop(), order, asked.accountable(),
				person.isEmpty() ? null : person);
	}

	/**
	 * @param number a case's number, or the number of a request that joined a case (what an applicant knows)
	 */
	private CaseView caseFor(String number, Caller caller) {
		if (number.startsWith("JJN-")) {
			return cases.forRequest(number, caller).orElseThrow(() -> new NotFound("casework.case-not-found"));
		}
		return cases.find(number, caller);
	}

}
