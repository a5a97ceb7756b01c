package org.jijinan.monitoring;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseStatusChanged;
import org.jijinan.people.Beneficiaries;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistered;
import org.jijinan.people.ProvisionalPersonIdentified;
import org.jijinan.relief.AssistanceRecorded;
import org.jijinan.relief.PatientShareReversed;
import org.jijinan.relief.PatientShareSettled;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the platform itself sees: a settled hospital bill's own share becomes a signal, judged in the settlement's
 * transaction, and a reversed bill takes it back; a case that ends without aid becomes a signal; a newly registered
 * person picks up the signals that waited for them; the assistance a household receives is noted, to measure what
 * warnings led to.
 */
@Component
class PlatformSignals {

	/** The reference of a settlement's signal, before the settlement's id. */
	private static final String SETTLEMENT = "settlement:";

	private final Signals signals;

	private final Beneficiaries beneficiaries;

	private final JdbcClient jdbc;

	private final Warnings warnings;

	PlatformSignals(Signals signals, Beneficiaries beneficiaries, JdbcClient jdbc, Warnings warnings) {
		this.signals = signals;
		this.warnings = warnings;
		this.beneficiaries = beneficiaries;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PatientShareSettled settled) {
		if (settled.patientShare().signum() > 0) {
			signals.observe(SETTLEMENT + settled.settlementId(), SignalKind.MEDICAL_SPENDING, settled.dischargedOn(),
					settled.personId(), settled.householdId(), settled.residencePath(), settled.patientShare(),
					settled.yearTotal(), null);
		}
	}

	/** A reversed bill takes its signal back; a warning it alone raised, not yet checked, is withdrawn. */
	@EventListener
	void on(PatientShareReversed reversed) {
		warnings.withdrawUnfounded(signals.withdraw(SETTLEMENT + reversed.settlementId()));
	}

	/**
	 * A case refused (closed straight after its decision) or withdrawn, with no aid to the household in the 90 days
	 * before, leaves a household that asked and got nothing: a signal, which a second hardship turns into a warning.
	 */
	@EventListener
	void on(CaseStatusChanged changed) {
		boolean withoutAid = changed.to() == CaseStatus.WITHDRAWN
				|| changed.to() == CaseStatus.CLOSED && changed.from() == CaseStatus.DECIDED;
		if (!withoutAid || changed.personId() == null) {
			return;
		}
		UUID household = changed.householdId() != null ? changed.householdId() : changed.personId();
		boolean aided = jdbc.sql("""
				select exists (select 1 from monitoring_household_aid where household_key = :household and aided_at >= :since)""")
			.param("household", household)
			.param("since", java.sql.Timestamp.from(changed.at().minus(java.time.Duration.ofDays(90))))
			.query(Boolean.class)
			.single();
		if (aided) {
			return;
		}
		java.time.LocalDate day = java.time.LocalDate.ofInstant(changed.at(), Warnings.COUNTY_ZONE);
		beneficiaries.byPersonOrHousehold(changed.personId(), null, day)
			.ifPresent(person -> signals.observe("case:" + changed.number(), SignalKind.CASE_CLOSED_WITHOUT_AID, day,
					person.personId(), person.householdId(), person.residencePath(), null, null, null));
	}

	@EventListener
	void on(PersonRegistered registered) {
		if (!registered.provisional()) {
			match(registered.personId());
		}
	}

	@EventListener
	void on(ProvisionalPersonIdentified identified) {
		match(identified.person());
	}

	private void match(PersonId person) {
		boolean waiting = jdbc.sql("select exists (select 1 from monitoring_signal where person_id is null)")
			.query(Boolean.class)
			.single();
		if (!waiting) {
			return;
		}
		Map<UUID, Beneficiaries.Described> described = beneficiaries.describe(Set.of(person.value()), Set.of(),
				true);
		Beneficiaries.Described who = described.get(person.value());
		if (who != null && who.idNumber() != null) {
			signals.matchRegistered(who.idNumber());
		}
	}

	/**
	 * Notes a household's assistance, and marks the first aid after each of its warnings.
	 */
	@EventListener
	void on(AssistanceRecorded recorded) {
		UUID household = recorded.householdId() != null ? recorded.householdId() : recorded.personId();
		if (household == null) {
			return;
		}
		jdbc.sql("""
				insert into monitoring_household_aid (record_id, household_key, aided_at) values (:id, :household, :at)
				on conflict do nothing""")
			.param("id", recorded.recordId())
			.param("household", household)
			.param("at", java.sql.Timestamp.from(recorded.at()))
			.update();
		jdbc.sql("""
				update monitoring_warning set aided_at = :at
				 where household_key = :household and aided_at is null and raised_at <= :at""")
			.param("household", household)
			.param("at", java.sql.Timestamp.from(recorded.at()))
			.update();
	}

}
