package org.jijinan.services;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jijinan.budget.Budgets;
import org.jijinan.budget.Scheme;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitId;
import org.jijinan.identity.UnitKind;
import org.jijinan.identity.UnitView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government purchase of services (政府购买服务): the county's contracts with social-work agencies — period, budget,
 * target cases — and what has been spent against them, never beyond the budget. A contract belongs to the county of
 * its agency: a county signs only with agencies of its own, and its staff see only those contracts.
 */
@Service
public class Contracts {

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	private final RegionDirectory regions;

	private final Clock clock;

	private final Budgets budgets;

	Contracts(JdbcClient jdbc, StaffDirectory directory, RegionDirectory regions, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.directory = directory;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * The county signs a contract with one of its own agencies (another county's agency is unknown to it).
	 */
	@Transactional
	public ContractView sign(NewContract contract, Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() != 6
				|| !(caller.hasRole("COUNTY_APPROVER") || caller.hasRole("COUNTY_REVIEWER"))) {
			throw new Forbidden("services.not-allowed");
		}
		UnitView agency = contract.agencyId() == null ? null
				: directory.unit(new UnitId(contract.agencyId())).orElse(null);
		if (agency == null || agency.kind() != UnitKind.SOCIAL_WORK_AGENCY
				|| !regions.isWithin(agency.divisionCode(), caller.regionScope())) {
			throw new InvalidInput("services.agency-unknown");
		}
		String title = WrittenText.required(contract.title(), 2, 200, "services.title-required");
		if (contract.validFrom() == null || contract.validTo() == null
				|| contract.validTo().isBefore(contract.validFrom())) {
			throw new RuleViolation("services.period-invalid");
		}
		if (contract.budget() == null || contract.budget().signum() <= 0
				|| contract.budget().stripTrailingZeros().scale() > 2 || contract.targetCases() < 1) {
			throw new RuleViolation("services.amount-invalid");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into services_contract (id, agency_id, agency_name, title, valid_from, valid_to, budget, target_cases,
				                               created_by, created_at)
				values (:id, :agency, :name, :title, :from, :to, :budget, :target, :by, :at)""")
			.param("id", id)
			.param("agency", agency.id().value())
			.param("name", agency.name())
			.param("title", title)
			.param("from", contract.validFrom())
			.param("to", contract.validTo())
			.param("budget", contract.budget())
			.param("target", contract.targetCases())
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		budgets.commit(Scheme.PURCHASED_SERVICES, caller.regionScope(), contract.validFrom(), contract.budget(),
				"contract:" + id);
		return find(id);
	}

	/**
	 * @return an agency's own contracts, or for other staff with a region scope the contracts of their county (those
	 * with the county's agencies), at most 500
	 */
	@Transactional(readOnly = true)
	public List<ContractView> list(Caller caller) {
		if (Agencies.isAgency(caller)) {
			return jdbc.sql("select id from services_contract where agency_id = :agency order by valid_from desc")
				.param("agency", Agencies.agencyOf(caller))
				.query(UUID.class)
				.list()
				.stream()
				.map(this::find)
				.toList();
		}
		if (caller.regionScope() == null) {
			throw new Forbidden("services.not-allowed");
		}
		List<UUID> agencies = agenciesOfCounty(caller.regionScope());
		if (agencies.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id from services_contract where agency_id in (:agencies) order by valid_from desc limit 500""")
			.param("agencies", agencies)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	/**
	 * Spends against a contract of the agency in force on that day; refused beyond the budget.
	 */
	void spend(UUID contractId, UUID agency, BigDecimal cost, LocalDate day) {
		int spent = jdbc.sql("""
				update services_contract set spent = spent + :cost
				 where id = :id and agency_id = :agency and :day between valid_from and valid_to
				   and spent + :cost <= budget""")
			.param("cost", cost)
			.param("id", contractId)
			.param("agency", agency)
			.param("day", day)
			.update();
		if (spent == 0) {
			ContractView contract = find(contractId);
			throw new RuleViolation("services.contract-exceeded", contract.validFrom().toString(),
					contract.validTo().toString(),
					contract.budget().subtract(contract.spent()).stripTrailingZeros().toPlainString());
		}
	}

	/**
	 * @return the social-work agencies of the county the area lies in
	 */
	private List<UUID> agenciesOfCounty(DivisionCode area) {
		DivisionCode county = new DivisionCode(area.value().substring(0, 6));
		return directory.referralTargets(regions.path(county))
			.stream()
			.filter(unit -> unit.kind() == UnitKind.SOCIAL_WORK_AGENCY)
			.map(unit -> unit.id().value())
			.toList();
	}

	ContractView find(UUID id) {
		return jdbc.sql("""
				select c.*, (select count(distinct case_number) from services_plan p where p.contract_id = c.id) as cases
				  from services_contract c where id = :id""")
			.param("id", id)
			.query((row, n) -> new ContractView(id, row.getObject("agency_id", UUID.class), row.getString("agency_name"),
					row.getString("title"), row.getObject("valid_from", LocalDate.class),
					row.getObject("valid_to", LocalDate.class), row.getBigDecimal("budget"), row.getBigDecimal("spent"),
					row.getInt("target_cases"), row.getInt("cases")))
			.optional()
			.orElseThrow(() -> new NotFound("services.contract-not-found"));
	}

	/**
	 * A contract to sign.
	 */
	public record NewContract(@Nullable UUID agencyId, @Nullable String title, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable BigDecimal budget, int targetCases) {
	}

	/**
	 * A contract with what it has achieved.
	 *
	 * @param id the contract
	 * @param agencyId the agency
	 * @param agencyName its name
	 * @param title what is bought
	 * @param validFrom from
	 * @param validTo to
	 * @param budget the budget
	 * @param spent spent against it
	 * @param targetCases cases to serve
	 * @param servedCases cases served under it
	 */
	public record ContractView(UUID id, UUID agencyId, String agencyName, String title, LocalDate validFrom,
			LocalDate validTo, BigDecimal budget, BigDecimal spent, int targetCases, int servedCases) {
	}

}
