package org.jijinan.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The services of a case.
 *
 * @param caseNumber the case
 * @param assessments needs assessments
 * @param plans service plans
 * @param records services given
 */
public record ServicesView(String caseNumber, List<AssessmentView> assessments, List<PlanView> plans,
		List<RecordView> records) {

	/**
	 * A needs assessment.
	 */
	public record AssessmentView(LocalDate assessedOn, String risk, List<ServiceType> needs, String summary,
			String assessedBy) {
	}

	/**
	 * A service plan.
	 */
	public record PlanView(UUID id, String contract, List<CaseServices.Goal> goals, LocalDate followUpOn, String status,
			String createdBy, @org.jspecify.annotations.Nullable String closingNote) {
	}

	/**
	 * A service given.
	 */
	public record RecordView(ServiceType type, LocalDate servedOn, int minutes, String notes, String outcome,
			BigDecimal cost, String recordedBy) {
	}

}
