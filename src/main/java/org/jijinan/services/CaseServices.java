package org.jijinan.services;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services of a case: the agency's needs assessment, its service plan with goals in the six service types, and
 * the service records — each on the case's timeline, and only by the agency the case was referred to.
 */
@Service
public class CaseServices {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Contracts contracts;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseServices(JdbcClient jdbc, Agencies agencies, Contracts contracts, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.contracts = contracts;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The agency assesses the family's needs (需求评估).
	 */
	@Transactional
	public ServicesView assess(String caseNumber, Assessment assessment, Caller caller) {
		UUID agency = agencies.serving(caseNumber, caller);
		if (assessment.risk() == null || !List.of("LOW", "MEDIUM", "HIGH").contains(assessment.risk())) {
			throw new InvalidInput("services.risk-invalid");
		}
		List<ServiceType> needs = assessment.needs() == null ? List.of() : assessment.needs();
		if (needs.isEmpty()) {
			throw new InvalidInput("services.needs-required");
		}
		String summary = WrittenText.required(assessment.summary(), 4, 2000, "services.summary-required");
		LocalDate day = day(assessment.assessedOn());
		Instant now = clock.instant();
		jdbc.sql("""
				insert into services_assessment (id, case_number, agency_id, assessed_on, risk, needs, summary, assessed_by,
				                                 recorded_at)
				values (:id, :caseNumber, :agency, :day, :risk, :needs, :summary, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("caseNumber", caseNumber)
			.param("agency", agency)
			.param("day", day)
			.param("risk", assessment.risk())
			.param("needs", needs.stream().map(ServiceType::name).toArray(String[]::new))
			.param("summary", summary)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		events.publishEvent(new CaseEventRecorded(caseNumber, "SERVICE_ASSESSED",
				caller.organisation() + "：" + summary, caller.name(), now));
		return of(caseNumber, caller);
	}

	/**
	 * The agency sets up the service plan under one of its contracts; one active plan per agency and case.
	 */
	@Transactional
	public ServicesView plan(String caseNumber, Plan plan, Caller caller) {
		UUID agency = agencies.serving(caseNumber, caller);
		if (plan.contractId() == null) {
			throw new InvalidInput("services.contract-required");
		}
		Contracts.ContractView contract = contracts.find(plan.contractId());
		if (!contract.agencyId().equals(agency)) {
			throw new org.jijinan.shared.Forbidden("services.not-your-contract");
		}
		List<Goal> goals = plan.goals() == null ? List.of() : plan.goals();
		if (goals.isEmpty() || goals.size() > 20) {
			throw new InvalidInput("services.goals-required");
		}
		for (Goal goal : goals) {
			if (goal.type() == null) {
				throw new InvalidInput("services.goals-required");
			}
			WrittenText.required(goal.goal(), 2, 300, "services.goals-required");
		}
		LocalDate followUp = day(plan.followUpOn());
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into services_plan (id, case_number, agency_id, contract_id, goals, follow_up_on, status,
					                           created_by, created_at)
					values (:id, :caseNumber, :agency, :contract, cast(:goals as jsonb), :followUp, 'ACTIVE', :by, :at)""")
				.param("id", UUID.randomUUID())
				.param("caseNumber", caseNumber)
				.param("agency", agency)
				.param("contract", contract.id())
				.param("goals", json.writeValueAsString(goals))
				.param("followUp", followUp)
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException active) {
			throw new Conflict("services.plan-active");
		}
		events.publishEvent(new CaseEventRecorded(caseNumber, "SERVICE_PLANNED", caller.organisation() + "："
				+ String.join("；", goals.stream().map(Goal::goal).toList()), caller.name(), now));
		return of(caseNumber, caller);
	}

	/**
	 * Records a service given under the active plan; its cost is spent against the plan's contract.
	 */
	@Transactional
	public ServicesView record(String caseNumber, ServiceRecord service, Caller caller) {
		UUID agency = agencies.serving(caseNumber, caller);
		UUID plan = jdbc.sql("""
				select id from services_plan where case_number = :caseNumber and agency_id = :agency and status = 'ACTIVE'""")
			.param("caseNumber", caseNumber)
			.param("agency", agency)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new RuleViolation("services.no-plan"));
		if (service.type() == null) {
			throw new InvalidInput("services.type-required");
		}
		if (service.minutes() < 1 || service.minutes() > 1440) {
			throw new RuleViolation("services.minutes-invalid");
		}
		BigDecimal cost = service.cost() == null ? BigDecimal.ZERO : service.cost();
		if (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("services.amount-invalid");
		}
		LocalDate day = day(service.servedOn());
		String notes = WrittenText.required(service.notes(), 4, 2000, "services.notes-required");
		String outcome = WrittenText.required(service.outcome(), 2, 1000, "services.outcome-required");
		if (cost.signum() > 0) {
			UUID contract = jdbc.sql("select contract_id from services_plan where id = :id")
				.param("id", plan)
				.query(UUID.class)
				.single();
			contracts.spend(contract, agency, cost, day);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into services_record (id, plan_id, case_number, type, served_on, minutes, notes, outcome, cost,
				                             recorded_by, recorded_at)
				values (:id, :plan, :caseNumber, :type, :day, :minutes, :notes, :outcome, :cost, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("plan", plan)
			.param("caseNumber", caseNumber)
			.param("type", service.type().name())
			.param("day", day)
			.param("minutes", service.minutes())
			.param("notes", notes)
			.param("outcome", outcome)
			.param("cost", cost)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		events.publishEvent(new CaseEventRecorded(caseNumber, "SERVICE_" + service.type().name(),
				service.minutes() + " 分钟：" + outcome, caller.name(), now));
		return of(caseNumber, caller);
	}

	/**
	 * Closes the agency's active plan after the follow-up (跟踪回访), with what the follow-up found.
	 */
	@Transactional
	public ServicesView close(String caseNumber, @Nullable String note, Caller caller) {
		UUID agency = agencies.serving(caseNumber, caller);
		String found = WrittenText.required(note, 4, 1000, "services.closing-note-required");
		int closed = jdbc.sql("""
				update services_plan set status = 'CLOSED', closing_note = :note
				 where case_number = :caseNumber and agency_id = :agency and status = 'ACTIVE'""")
			.param("note", found)
			.param("caseNumber", caseNumber)
			.param("agency", agency)
			.update();
		if (closed == 0) {
			throw new RuleViolation("services.no-plan");
		}
		events.publishEvent(new CaseEventRecorded(caseNumber, "SERVICE_CLOSED", caller.organisation() + "：" + found,
				caller.name(), clock.instant()));
		return of(caseNumber, caller);
	}

	/**
	 * @return the case's assessments, plans and records
	 */
	@Transactional(readOnly = true)
	public ServicesView of(String caseNumber, Caller caller) {
		agencies.reading(caseNumber, caller);
		List<ServicesView.AssessmentView> assessments = jdbc.sql("""
				select a.*, (select agency_name from services_contract c where c.agency_id = a.agency_id limit 1) as agency
				  from services_assessment a where case_number = :caseNumber order by assessed_on, recorded_at""")
			.param("caseNumber", caseNumber)
			.query((row, n) -> new ServicesView.AssessmentView(row.getObject("assessed_on", LocalDate.class),
					row.getString("risk"),
					java.util.Arrays.stream((String[]) row.getArray("needs").getArray()).map(ServiceType::valueOf).toList(),
					row.getString("summary"), row.getString("assessed_by")))
			.list();
		List<ServicesView.PlanView> plans = jdbc.sql("""
				select p.*, c.title from services_plan p join services_contract c on c.id = p.contract_id
				 where p.case_number = :caseNumber order by p.created_at""")
			.param("caseNumber", caseNumber)
			.query((row, n) -> new ServicesView.PlanView(row.getObject("id", UUID.class), row.getString("title"),
					json.readValue(row.getString("goals"), new TypeReference<List<Goal>>() {
					}), row.getObject("follow_up_on", LocalDate.class), row.getString("status"),
					row.getString("created_by"), row.getString("closing_note")))
			.list();
		List<ServicesView.RecordView> records = jdbc.sql("""
				select * from services_record where case_number = :caseNumber order by served_on, recorded_at""")
			.param("caseNumber", caseNumber)
			.query((row, n) -> new ServicesView.RecordView(ServiceType.valueOf(row.getString("type")),
					row.getObject("served_on", LocalDate.class), row.getInt("minutes"), row.getString("notes"),
					row.getString("outcome"), row.getBigDecimal("cost"), row.getString("recorded_by")))
			.list();
		return new ServicesView(caseNumber, assessments, plans, records);
	}

	private LocalDate day(@Nullable LocalDate day) {
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		if (day == null) {
			return today;
		}
		if (day.isAfter(today.plusYears(1)) || day.isBefore(today.minusYears(5))) {
			throw new RuleViolation("services.day-invalid");
		}
		return day;
	}

	/**
	 * A needs assessment.
	 */
	public record Assessment(@Nullable LocalDate assessedOn, @Nullable String risk, @Nullable List<ServiceType> needs,
			@Nullable String summary) {
	}

	/**
	 * A service plan.
	 */
	public record Plan(@Nullable UUID contractId, @Nullable List<Goal> goals, @Nullable LocalDate followUpOn) {
	}

	/**
	 * One goal of a plan.
	 *
	 * @param type the service type
	 * @param goal what it should achieve
	 */
	public record Goal(@Nullable ServiceType type, @Nullable String goal) {
	}

	/**
	 * A service given.
	 */
	public record ServiceRecord(@Nullable ServiceType type, @Nullable LocalDate servedOn, int minutes,
			@Nullable String notes, @Nullable String outcome, @Nullable BigDecimal cost) {
	}

}
