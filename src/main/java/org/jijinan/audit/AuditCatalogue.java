package org.jijinan.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every action and kind of subject the platform records, so that the audit page names each one in words (a message
 * {@code audit.action.<action>} and {@code audit.subject-type.<type>}) and offers them as filters. An action recorded
 * without an entry here is still shown, by its code; the tests fail when the code can record one.
 */
final class AuditCatalogue {

	/** The actions, grouped by the module that records them (the action's first segment), in the page's order. */
	static final Map<String, List<String>> ACTIONS = groups(List.of(
			"identity.sign-in.password", "identity.sign-in.totp", "identity.sign-in.logout", "identity.sign-in.client",
			"identity.password-changed", "identity.second-factor-enrolled", "identity.second-factor-reset",
			"identity.account-opened", "identity.roles-changed", "identity.account-locked",
			"identity.account-unlocked", "identity.account-disabled", "identity.account-enabled", "identity.unit-established", "identity.unit-office-phone-changed",
			"identity.token-issued",
			"identity.token-revoked", "security.request-denied", "audit.personal-data-read", "audit.chain-verified", "audit.chain-anchored",
			"intake.request-received", "intake.request-accepted", "intake.request-refused", "intake.request-merged",
			"intake.request-forwarded", "intake.attachment-added", "intake.possible-duplicate-cleared",
			"intake.call-back-recorded",
			"casework.case-opened", "casework.request-joined", "casework.person-linked", "casework.status-changed",
			"casework.case-handed-over", "casework.task-referred", "casework.task-accepted",
			"casework.task-returned", "casework.task-completed", "casework.task-withdrawn",
			"casework.investigation-visit-recorded", "casework.investigation-visit-confirmed",
			"casework.investigation-photo-added", "casework.investigation-check-requested",
			"casework.investigation-check-reused", "casework.investigation-check-reported",
			"casework.investigation-evaluation-held", "casework.investigation-notice-posted",
			"casework.investigation-objection-received", "relief.decision-proposed", "relief.decision-reviewed",
			"relief.decision-approved", "relief.decision-refused", "relief.decision-withdrawn",
			"relief.emergency-aid-granted", "relief.emergency-paperwork-completed", "relief.goods-handed-out",
			"relief.reserve-topped-up", "relief.reserve-spent", "relief.reserve-recovered", "relief.recovery-opened",
			"relief.recovery-instalment", "relief.recovery-waiver-proposed", "relief.recovery-waiver-approved",
			"relief.recovery-waiver-refused", "relief.payment-batch-created",
			"relief.bank-file-exported", "relief.bank-result-imported", "relief.payment-reissued",
			"relief.medical-bill-settled", "relief.medical-settlement-reversed", "relief.policy-defined",
			"relief.policy-ended", "people.person-registered", "people.provisional-person-identified",
			"people.personal-data-revealed", "people.household-member-joined", "people.household-member-left",
			"people.category-defined", "people.category-deactivated", "people.standing-recorded",
			"people.roster-submitted", "people.roster-import-ended", "people.lookalike-reviewed",
			"people.persons-exported", "charity.fund-income", "charity.fund-grant", "sharing.agreement-set",
			"sharing.roster-feed-read", "sharing.department-assistance-reported", "sharing.department-file-received",
			"supervision.steps-escalated", "supervision.accountability-recorded", "reporting.exported",
			"reporting.rebuilt", "pilot.phase-added", "pilot.readiness-set", "pilot.document-filed", "pilot.member-added", "pilot.meeting-recorded", "pilot.action-done", "pilot.publicity-recorded", "pilot.liaison-assigned", "pilot.visit-recorded",
			"region.divisions-imported", "calendar.day-changed", "timelimits.limit-set", "budget.set", "budget.overridden", "backup.taken", "backup.failed", "backup.key-rotated", "backup.values-resealed",
			"backup.keys-retired", "monitoring.source-agreed", "monitoring.rule-changed", "monitoring.warning-raised",
			"monitoring.warning-checked", "monitoring.warning-withdrawn", "monitoring.signals-purged", "monitoring.signal-viewed",
			"complaints.complaint-received", "complaints.complaint-acknowledged", "complaints.complaint-extended",
			"complaints.complaint-answered", "complaints.complaint-rated", "complaints.complaint-escalated",
			"complaints.complainant-revealed", "complaints.appeal-filed", "complaints.appeal-decided"));

	/** The kinds of subject, in the page's order. */
	static final List<String> SUBJECT_TYPES = List.of("account", "unit", "token", "partner-client", "route",
			"help-request", "case", "case-task", "task", "person", "household", "person-list", "category", "standing",
			"lookalike", "roster-import", "relief-decision", "relief-emergency-grant", "relief-reserve",
			"relief-payment-batch", "relief-payment-order", "relief-settlement", "settlement", "relief-policy",
			"charity-fund-entry", "sharing-agreement", "department-report", "department-file", "accountability",
			"supervision-sweep", "dashboard", "dashboard-rollups", "pilot-evaluation", "pilot", "division",
			"calendar-day", "time-limit", "budget", "backup", "master-key", "audit-chain", "signal-source", "monitoring-rule", "warning", "signal", "complaint", "relief-recovery", "appeal");

	/** The results a record may have. */
	static final List<String> RESULTS = List.of("SUCCESS", "FAILURE");

	private AuditCatalogue() {
	}

	/**
	 * @return whether the action is one the catalogue names
	 */
	static boolean knows(String action) {
		return ACTIONS.getOrDefault(group(action), List.of()).contains(action);
	}

	/**
	 * @return the group an action belongs to: login and security records with identity's, the rest by module
	 */
	static String group(String action) {
		String module = action.substring(0, Math.max(action.indexOf('.'), 0));
		return switch (module) {
			case "identity", "security", "audit" -> "security";
			default -> module;
		};
	}

	private static Map<String, List<String>> groups(List<String> actions) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (String action : actions) {
			groups.computeIfAbsent(group(action), key -> new java.util.ArrayList<>()).add(action);
		}
		groups.replaceAll((group, members) -> List.copyOf(members));
		return java.util.Collections.unmodifiableMap(groups);
	}

}
