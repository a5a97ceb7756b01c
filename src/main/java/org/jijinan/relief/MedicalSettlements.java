package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.budget.Budgets;
import org.jijinan.budget.Scheme;
import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitKind;
import org.jijinan.people.Beneficiaries;
import org.jijinan.people.Beneficiaries.Beneficiary;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-stop medical settlement (一站式即时结算): a hospital presents a bill at discharge and learns at once what basic
 * insurance, critical-illness insurance and medical assistance pay and what is left to the patient, by the
 * patient's class and what they used earlier in the year. One person has one open admission at a time; the
 * person's settlements are made one after another (a lock per person), so yearly caps hold even when two hospitals
 * settle at once. A settlement can be reversed with a reason and the bill settled again.
 */
@Service
public class MedicalSettlements {

	static final String SCOPE = "medical-settlements:write";

	static final Set<String> COUNTY_STAFF = Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER");

	private final JdbcClient jdbc;

	private final Beneficiaries beneficiaries;

	private final ReliefPolicies policies;

	private final AssistanceChain chain;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Budgets budgets;

	MedicalSettlements(JdbcClient jdbc, Beneficiaries beneficiaries, ReliefPolicies policies, AssistanceChain chain,
			RegionDirectory regions, ApplicationEventPublisher events, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.beneficiaries = beneficiaries;
		this.policies = policies;
		this.chain = chain;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers an admission (the hospital may then waive the deposit); a second open admission of the same person
	 * is refused.
	 * @return the admission's identifier
	 */
	@Transactional
	public UUID admit(HospitalBill admission, Caller caller) {
		requireSettler(caller);
		Hospital hospital = hospital(admission);
		LocalDate today = DecisionDesk.today(clock.instant());
		if (admission.admittedOn() == null || admission.admittedOn().isAfter(today)) {
			throw new RuleViolation("relief.admission-dates-invalid");
		}
		Beneficiary patient = patient(admission, today, caller);
		lock(patient.personId());
		return openAdmission(patient, hospital, admission.admittedOn(), caller);
	}

	/**
	 * Settles a bill at discharge on what the insurers reported paying, registering the admission first when the
	 * hospital did not.
	 */
	@Transactional
	public SettlementView settle(HospitalBill bill, Caller caller) {
		Checked checked = check(bill, caller);
		InsurerPayments paid = reported(bill);
		Instant now = clock.instant();
		Beneficiary patient = checked.patient();
		lock(patient.personId());
		UUID admission = admissionToSettle(patient, checked.hospital(), bill.admittedOn(), checked.discharged(),
				caller);
		YearSoFar before = yearSoFar(patient.personId(), checked.discharged().getYear());
		Split split = SettlementEngine.settle(checked.policy().rules().medical(), checked.bill(), paid, before.used());
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into relief_settlement (id, admission_id, person_id, household_id, residence_path, year,
				       patient_class, in_policy, out_of_policy, basic, critical, other, basis, basic_reference,
				       critical_reference, other_reference, assistance, patient, policy_id, rules_version, settled_by,
				       organisation, settled_at)
				values (:id, :admission, :person, :household, :path, :year, :class, :inPolicy, :outOfPolicy, :basic,
				        :critical, :other, 'INSURERS', :basicReference, :criticalReference, :otherReference,
				        :assistance, :patient, :policy, :version, :by, :organisation, :at)""")
			.param("id", id)
			.param("admission", admission)
			.param("person", patient.personId())
			.param("household", patient.householdId())
			.param("path", patient.residencePath())
			.param("year", checked.discharged().getYear())
			.param("class", checked.bill().patientClass().name())
			.param("inPolicy", checked.bill().inPolicy())
			.param("outOfPolicy", checked.bill().outOfPolicy())
			.param("basic", split.basic())
			.param("critical", split.critical())
			.param("other", split.other())
			.param("basicReference", reference(bill.basicReference(), paid.basic()))
			.param("criticalReference", reference(bill.criticalReference(), paid.critical()))
			.param("otherReference", reference(bill.otherReference(), paid.other()))
			.param("assistance", split.assistance())
			.param("patient", split.patient())
			.param("policy", checked.policy().id())
			.param("version", split.rulesVersion())
			.param("by", caller.name())
			.param("organisation", organisation(caller))
			.param("at", Timestamp.from(now))
			.update();
		jdbc.sql("update relief_admission set status = 'SETTLED', discharged_on = :day where id = :id")
			.param("day", checked.discharged())
			.param("id", admission)
			.update();
		Hospital hospital = checked.hospital();
		if (split.assistance().signum() > 0) {
			chain.record(new AssistanceChain.Grant(patient.householdId(), patient.personId(), patient.name(),
					patient.residencePath(), "MEDICAL", null, id.toString(), hospital.code() + "/" + hospital.admission(),
					null, split.assistance(), Money.ZERO, null, caller.name(), organisation(caller), now));
		}
		budgets.spend(Scheme.MEDICAL_ASSISTANCE, residence(patient), checked.discharged(), split.assistance(),
				budgetReference(id));
		events.publishEvent(new MedicalBillSettled(id, hospital.code(), split.assistance(), caller.name()));
		events.publishEvent(new PatientShareSettled(id, patient.personId(), patient.householdId(),
				patient.residencePath(), checked.discharged(), split.patient(),
				Money.fen(before.patientPaid().add(split.patient()))));
		return load(id, split.after());
	}

	/**
	 * A pre-settlement (预结算) before the insurers settle: the split if they paid what the county's parameters say,
	 * on the patient's year so far. Nothing is recorded; the admission stays as it is.
	 */
	@Transactional(readOnly = true)
	public PreSettlementView estimate(HospitalBill bill, Caller caller) {
		Checked checked = check(bill, caller);
		YearSoFar before = yearSoFar(checked.patient().personId(), checked.discharged().getYear());
		Split split = SettlementEngine.estimate(checked.policy().rules().medical(), checked.bill(), before.used());
		return new PreSettlementView(true, checked.patient().name(), checked.bill().patientClass(),
				checked.bill().inPolicy(), checked.bill().outOfPolicy(), checked.bill().total(), split.basic(),
				split.critical(), split.assistance(), split.patient(), split.rulesVersion());
	}

	/** What settling and pre-settling both check: the caller, the hospital, the dates, the amounts, the patient. */
	private Checked check(HospitalBill bill, Caller caller) {
		requireSettler(caller);
		Hospital hospital = hospital(bill);
		LocalDate today = DecisionDesk.today(clock.instant());
		LocalDate discharged = bill.dischargedOn() == null ? today : bill.dischargedOn();
		if (bill.admittedOn() == null || bill.admittedOn().isAfter(discharged) || discharged.isAfter(today)) {
			throw new RuleViolation("relief.admission-dates-invalid");
		}
		BigDecimal inPolicy = amount(bill.inPolicy());
		BigDecimal outOfPolicy = amount(bill.outOfPolicy());
		if (bill.total() == null || inPolicy.add(outOfPolicy).compareTo(bill.total()) != 0) {
			throw new RuleViolation("relief.costs-do-not-add-up", inPolicy.add(outOfPolicy).toPlainString());
		}
		Beneficiary patient = patient(bill, discharged, caller);
		PatientClass patientClass = PatientClasses.of(patient.categories());
		if (bill.patientClass() != null && !bill.patientClass().isBlank()) {
			PatientClass expected;
			try {
				expected = PatientClass.valueOf(bill.patientClass().strip());
			}
			catch (IllegalArgumentException unknown) {
				throw new RuleViolation("relief.unknown-patient-class", bill.patientClass().strip());
			}
			if (expected != patientClass) {
				throw new RuleViolation("relief.patient-class-mismatch", patientClass);
			}
		}
		PolicyView policy = policies.inForce(residence(patient), discharged);
		return new Checked(hospital, discharged, patient, policy,
				new Bill(inPolicy, outOfPolicy, hospital.level(), patientClass));
	}

	/**
	 * What the insurers reported paying. Basic and critical-illness insurance must say what they paid, nothing
	 * included; other insurance only when there is one.
	 */
	private static InsurerPayments reported(HospitalBill bill) {
		if (bill.basicPaid() == null || bill.criticalPaid() == null) {
			throw new RuleViolation("relief.insurer-payments-required");
		}
		return new InsurerPayments(bill.basicPaid(), bill.criticalPaid(),
				bill.otherPaid() == null ? Money.ZERO : bill.otherPaid());
	}

	/** An insurer's settlement number: required when it paid something, letters, digits and hyphens. */
	private static @Nullable String reference(@Nullable String reference, BigDecimal paid) {
		String given = reference == null || reference.isBlank() ? null : reference.strip();
		if (given == null && paid.signum() > 0) {
			throw new InvalidInput("relief.insurer-reference-required");
		}
		if (given != null && !given.matches("[A-Za-z0-9-]{1,40}")) {
			throw new InvalidInput("relief.insurer-reference-invalid");
		}
		return given;
	}

	/**
	 * Reverses a settlement with a reason; the admission is open again to be settled anew.
	 */
	@Transactional
	public SettlementView reverse(UUID id, @Nullable String reason, Caller caller) {
		visible(id, caller);
		requireSettler(caller);
		String because = WrittenText.required(reason, 4, 1000, "relief.reversal-reason-required");
		Instant now = clock.instant();
		UUID person = jdbc.sql("select person_id from relief_settlement where id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();
		lock(person);
		int reversed = jdbc.sql("""
				update relief_settlement set reversed_by = :by, reversed_at = :at, reversal_reason = :reason
				 where id = :id and reversed_at is null""")
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.param("reason", because)
			.param("id", id)
			.update();
		if (reversed == 0) {
			throw new Conflict("relief.settlement-reversed");
		}
		try {
			jdbc.sql("""
					update relief_admission set status = 'OPEN'
					 where id = (select admission_id from relief_settlement where id = :id)""")
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException open) {
			throw new Conflict("relief.admission-open");
		}
		chain.reverse("MEDICAL", id.toString(), now);
		budgets.returned(budgetReference(id), jdbc.sql("select assistance from relief_settlement where id = :id")
			.param("id", id)
			.query(BigDecimal.class)
			.single());
		events.publishEvent(new MedicalSettlementReversed(id, caller.name()));
		events.publishEvent(new PatientShareReversed(id, now));
		return load(id, null);
	}

	/**
	 * @return a settlement, to whoever settled it and to county staff over the patient's residence; everyone else is
	 * refused, as the list refuses them
	 */
	@Transactional(readOnly = true)
	public SettlementView find(UUID id, Caller caller) {
		requireSettler(caller);
		return visible(id, caller);
	}

	/**
	 * @return the settlements an organisation made most recently
	 */
	@Transactional(readOnly = true)
	public List<SettlementView> recent(Caller caller) {
		requireSettler(caller);
		return jdbc.sql("""
				select id from relief_settlement where organisation = :organisation order by settled_at desc limit 50""")
			.param("organisation", organisation(caller))
			.query(UUID.class)
			.list()
			.stream()
			.map(found -> load(found, null))
			.toList();
	}

	/**
	 * @return the hospital of this window's last settlement — its code, name and level (the form's keys
	 *         {@code hospitalCode}, {@code hospitalName}, {@code hospitalLevel}) — so the clerk types them once; empty
	 *         before the window's first settlement
	 */
	@Transactional(readOnly = true)
	public Map<String, String> lastHospital(Caller caller) {
		requireSettler(caller);
		return jdbc.sql("""
				select a.hospital_code, a.hospital_name, a.hospital_level from relief_settlement s
				  join relief_admission a on a.id = s.admission_id
				 where s.organisation = :organisation order by s.settled_at desc limit 1""")
			.param("organisation", organisation(caller))
			.query((row, n) -> Map.of("hospitalCode", row.getString("hospital_code"), "hospitalName",
					row.getString("hospital_name"), "hospitalLevel", row.getString("hospital_level")))
			.optional()
			.orElse(Map.of());
	}

	private SettlementView visible(UUID id, Caller caller) {
		Map<String, Object> row = jdbc.sql("select organisation, residence_path from relief_settlement where id = :id")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("relief.settlement-not-found"));
		boolean own = row.get("organisation").equals(organisation(caller));
		boolean county = isCountyStaff(caller)
				&& String.valueOf(row.get("residence_path")).startsWith(regions.path(caller.regionScope()));
		if (!own && !county) {
			throw new Forbidden("relief.out-of-scope");
		}
		return load(id, null);
	}

	private SettlementView load(UUID id, @Nullable YearToDate after) {
		return jdbc.sql("""
				select s.*, a.patient_name, a.hospital_name, a.hospital_level, a.admission_number, a.admitted_on,
				       a.discharged_on
				  from relief_settlement s join relief_admission a on a.id = s.admission_id where s.id = :id""")
			.param("id", id)
			.query((row, n) -> new SettlementView(id, row.getString("patient_name"), row.getString("hospital_name"),
					HospitalLevel.valueOf(row.getString("hospital_level")), row.getString("admission_number"),
					row.getObject("admitted_on", LocalDate.class), row.getObject("discharged_on", LocalDate.class),
					PatientClass.valueOf(row.getString("patient_class")), row.getBigDecimal("in_policy"),
					row.getBigDecimal("out_of_policy"),
					row.getBigDecimal("in_policy").add(row.getBigDecimal("out_of_policy")), row.getBigDecimal("basic"),
					row.getBigDecimal("critical"), row.getBigDecimal("other"), row.getString("basis"),
					row.getString("basic_reference"), row.getString("critical_reference"),
					row.getString("other_reference"), row.getBigDecimal("assistance"), row.getBigDecimal("patient"),
					row.getString("rules_version"), after, row.getString("settled_by"), row.getString("organisation"),
					row.getTimestamp("settled_at").toInstant(), row.getString("reversed_by"),
					row.getTimestamp("reversed_at") == null ? null : row.getTimestamp("reversed_at").toInstant(),
					row.getString("reversal_reason")))
			.single();
	}

	/**
	 * @return what the person's settlements of the year so far used of each scheme, and what they left the patient
	 *     to pay, in one read of them
	 */
	private YearSoFar yearSoFar(UUID person, int year) {
		return jdbc.sql("""
				select coalesce(sum(basic), 0), coalesce(sum(in_policy - basic), 0), coalesce(sum(critical), 0),
				       coalesce(sum(greatest(in_policy - basic - critical - other, 0)), 0), coalesce(sum(assistance), 0),
				       coalesce(sum(patient), 0)
				  from relief_settlement where person_id = :person and year = :year and reversed_at is null""")
			.param("person", person)
			.param("year", year)
			.query((row, n) -> new YearSoFar(new YearToDate(Money.fen(row.getBigDecimal(1)),
					Money.fen(row.getBigDecimal(2)), Money.fen(row.getBigDecimal(3)), Money.fen(row.getBigDecimal(4)),
					Money.fen(row.getBigDecimal(5))), Money.fen(row.getBigDecimal(6))))
			.single();
	}

	/**
	 * @param used what the year's settlements used of each scheme, as the engine takes it
	 * @param patientPaid what they left the patient to pay
	 */
	private record YearSoFar(YearToDate used, BigDecimal patientPaid) {
	}

	private UUID admissionToSettle(Beneficiary patient, Hospital hospital, LocalDate admittedOn, LocalDate discharged,
			Caller caller) {
		Map<String, Object> existing = jdbc.sql("""
				select id, person_id, status from relief_admission
				 where hospital_code = :hospital and admission_number = :number""")
			.param("hospital", hospital.code())
			.param("number", hospital.admission())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (existing == null) {
			return openAdmission(patient, hospital, admittedOn, caller);
		}
		if (!patient.personId().equals(existing.get("person_id"))) {
			throw new Conflict("relief.admission-other-patient", hospital.admission());
		}
		if ("SETTLED".equals(existing.get("status"))) {
			throw new Conflict("relief.admission-settled", hospital.admission());
		}
		jdbc.sql("update relief_admission set hospital_level = :level, discharged_on = :day where id = :id")
			.param("level", hospital.level().name())
			.param("day", discharged)
			.param("id", existing.get("id"))
			.update();
		return (UUID) existing.get("id");
	}

	private UUID openAdmission(Beneficiary patient, Hospital hospital, LocalDate admittedOn, Caller caller) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into relief_admission (id, person_id, patient_name, residence_path, hospital_code,
					       hospital_name, hospital_level, admission_number, admitted_on, status, registered_by,
					       registered_at)
					values (:id, :person, :name, :path, :code, :hospital, :level, :number, :admitted, 'OPEN', :by, :at)""")
				.param("id", id)
				.param("person", patient.personId())
				.param("name", patient.name())
				.param("path", patient.residencePath())
				.param("code", hospital.code())
				.param("hospital", hospital.name())
				.param("level", hospital.level().name())
				.param("number", hospital.admission())
				.param("admitted", admittedOn)
				.param("by", caller.name())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw new Conflict(String.valueOf(taken.getMessage()).contains("relief_admission_open_idx")
					? "relief.admission-open" : "relief.admission-settled", hospital.admission());
		}
		return id;
	}

	/** Settlements of one person are made one after another, so yearly caps hold between hospitals. */
	private void lock(UUID person) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:person, 7))")
			.param("person", person.toString())
			.query()
			.listOfRows();
	}

	/**
	 * The patient the bill names, if registered in the caller's county under that name. Whether the number is not
	 * registered, registered under another name or in another county gets one answer, so that the answer never tells
	 * whether an ID number is known.
	 */
	private Beneficiary patient(HospitalBill bill, LocalDate day, Caller caller) {
		if (bill.idNumber() == null || bill.idNumber().isBlank()) {
			throw new InvalidInput("relief.patient-id-required");
		}
		String area = settlingArea(caller);
		return beneficiaries.byIdNumber(bill.idNumber(), day)
			.filter(found -> bill.patientName() != null && found.name().equals(bill.patientName().strip()))
			.filter(found -> found.residencePath().startsWith(area))
			.orElseThrow(() -> new RuleViolation("relief.patient-not-matched"));
	}

	/**
	 * The region whose residents the caller may settle for: county staff their own scope; a hospital, the medical
	 * security bureau and their systems the county their unit belongs to. Treatment outside the patient's county is
	 * settled by the patient's county (its medical security bureau or a hospital of that county), on its rules.
	 */
	private String settlingArea(Caller caller) {
		if (isCountyStaff(caller)) {
			return regions.path(caller.regionScope());
		}
		DivisionCode unitDivision = caller instanceof Staff staff ? staff.unit().divisionCode()
				: caller instanceof PartnerClient client ? client.unit().divisionCode() : null;
		if (unitDivision == null || unitDivision.value().length() < 6) {
			throw new Forbidden("relief.not-allowed");
		}
		return regions.path(new DivisionCode(unitDivision.value().substring(0, 6)));
	}

	private static boolean isCountyStaff(Caller caller) {
		return caller.regionScope() != null && caller.roles().stream().anyMatch(COUNTY_STAFF::contains);
	}

	private DivisionCode residence(Beneficiary patient) {
		String[] parts = patient.residencePath().split("/");
		return new DivisionCode(parts[parts.length - 1]);
	}

	private static Hospital hospital(HospitalBill bill) {
		if (bill.hospitalCode() == null || !bill.hospitalCode().matches("[A-Za-z0-9-]{2,40}")
				|| bill.admissionNumber() == null || !bill.admissionNumber().matches("[A-Za-z0-9-]{1,40}")) {
			throw new InvalidInput("relief.admission-invalid");
		}
		if (bill.hospitalLevel() == null) {
			throw new InvalidInput("relief.hospital-level-required");
		}
		String name = WrittenText.required(bill.hospitalName(), 2, 100, "relief.hospital-name-required");
		return new Hospital(bill.hospitalCode(), name, bill.hospitalLevel(), bill.admissionNumber());
	}

	private static BigDecimal amount(@Nullable BigDecimal amount) {
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("relief.bill-invalid");
		}
		return Money.fen(amount);
	}

	private static void requireSettler(Caller caller) {
		boolean partner = caller instanceof PartnerClient client && client.scopes().contains(SCOPE);
		boolean hospitalStaff = caller instanceof Staff staff && caller.hasRole("DEPARTMENT_OFFICER")
				&& (staff.unit().kind() == UnitKind.HOSPITAL
						|| staff.unit().kind() == UnitKind.MEDICAL_SECURITY_DEPARTMENT);
		boolean county = caller.roles().stream().anyMatch(COUNTY_STAFF::contains);
		if (!partner && !hospitalStaff && !county) {
			throw new Forbidden("relief.not-allowed");
		}
	}

	private static String organisation(Caller caller) {
		return caller.organisation().isEmpty() ? caller.name() : caller.organisation();
	}

	/** How the budget knows a settlement's money. */
	private static String budgetReference(UUID settlement) {
		return "settlement:" + settlement;
	}

	private record Hospital(String code, String name, HospitalLevel level, String admission) {
	}

	private record Checked(Hospital hospital, LocalDate discharged, Beneficiary patient, PolicyView policy, Bill bill) {
	}

	record MedicalBillSettled(UUID id, String hospital, BigDecimal assistance, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.medical-bill-settled";
		}

		@Override
		public String auditSubjectType() {
			return "relief-settlement";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("hospital", hospital, "assistance", assistance.toPlainString());
		}

	}

	record MedicalSettlementReversed(UUID id, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.medical-settlement-reversed";
		}

		@Override
		public String auditSubjectType() {
			return "relief-settlement";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

	}

}
