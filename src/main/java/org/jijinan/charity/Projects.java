package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charities' projects: what they help with, where, how much per case and in all. A charity officer keeps their own
 * charity's projects; government staff see every project, to find help for a need.
 */
@Service
public class Projects {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final Clock clock;

	Projects(JdbcClient jdbc, RegionDirectory regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * A charity officer starts a project of their charity.
	 */
	@Transactional
	public ProjectView start(NewProject project, Caller caller) {
		UUID unit = CharityStaff.charityOf(caller);
		String name = WrittenText.required(project.name(), 2, 100, "charity.project-name-required");
		if (project.regions() == null || project.regions().isEmpty() || project.regions().size() > 50) {
			throw new InvalidInput("charity.project-regions-required");
		}
		String[] paths = project.regions().stream().map(code -> {
			if (regions.find(code).isEmpty()) {
				throw new InvalidInput("region.unknown-code", code.value());
			}
			return regions.path(code);
		}).toArray(String[]::new);
		BigDecimal perCase = amount(project.perCaseMax(), "charity.amount-invalid");
		BigDecimal budget = amount(project.budget(), "charity.amount-invalid");
		if (perCase.signum() == 0) {
			throw new RuleViolation("charity.amount-invalid");
		}
		List<String> causes = project.causes() == null ? List.of() : project.causes();
		if (causes.size() > 20 || causes.stream().anyMatch(cause -> !cause.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("charity.causes-invalid");
		}
		List<String> groups = project.targetGroups() == null ? List.of() : project.targetGroups();
		if (groups.size() > 20 || groups.stream().anyMatch(group -> !group.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("charity.groups-invalid");
		}
		UUID id = UUID.randomUUID();
		String description = WrittenText.optional(project.description(), 1000);
		String goods = WrittenText.optional(project.goods(), 500);
		jdbc.sql("""
				insert into charity_project (id, unit_id, unit_name, name, description, causes, region_paths, per_case_max,
				                             budget, goods, active, created_by, created_at, target_groups)
				values (:id, :unit, :unitName, :name, :description, :causes, :paths, :perCase, :budget, :goods, true,
				        :by, :at, :groups)""")
			.param("groups", groups.toArray(String[]::new))
			.param("id", id)
			.param("unit", unit)
			.param("unitName", caller.organisation())
			.param("name", name)
			.param("description", description.isEmpty() ? null : description)
			.param("causes", causes.toArray(String[]::new))
			.param("paths", paths)
			.param("perCase", perCase)
			.param("budget", budget)
			.param("goods", goods.isEmpty() ? null : goods)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return find(id, caller);
	}

	/**
	 * @return the caller's charity's projects, or for government staff every project
	 */
	@Transactional(readOnly = true)
	public List<ProjectView> list(Caller caller) {
		if (CharityStaff.isCharity(caller)) {
			return jdbc.sql("select * from charity_project where unit_id = :unit order by created_at desc")
				.param("unit", CharityStaff.charityOf(caller))
				.query((row, n) -> view(row))
				.list();
		}
		CharityStaff.requireHandler(caller);
		return jdbc.sql("select * from charity_project order by created_at desc limit 500")
			.query((row, n) -> view(row))
			.list();
	}

	/**
	 * @return a project, to its charity and to government staff
	 */
	@Transactional(readOnly = true)
	public ProjectView find(UUID id, Caller caller) {
		ProjectView found = jdbc.sql("select * from charity_project where id = :id")
			.param("id", id)
			.query((row, n) -> view(row))
			.optional()
			.orElseThrow(() -> new NotFound("charity.project-not-found"));
		if (CharityStaff.isCharity(caller)) {
			requireOwn(id, caller);
		}
		else {
			CharityStaff.requireHandler(caller);
		}
		return found;
	}

	/**
	 * @return every active project with budget left, as the matching engine sees them
	 */
	List<Matching.Project> forMatching() {
		return jdbc.sql("""
				select id, region_paths, causes, per_case_max, budget - committed as remaining, goods is not null as goods,
				       target_groups
				  from charity_project where active and committed < budget""")
			.query((row, n) -> new Matching.Project(row.getObject("id", UUID.class), strings(row.getArray("region_paths")),
					Set.copyOf(strings(row.getArray("causes"))), row.getBigDecimal("per_case_max"),
					row.getBigDecimal("remaining"), row.getBoolean("goods"),
					Set.copyOf(strings(row.getArray("target_groups")))))
			.list();
	}

	void requireOwn(UUID projectId, Caller caller) {
		UUID unit = CharityStaff.charityOf(caller);
		boolean own = jdbc.sql("select exists (select 1 from charity_project where id = :id and unit_id = :unit)")
			.param("id", projectId)
			.param("unit", unit)
			.query(Boolean.class)
			.single();
		if (!own) {
			throw new org.jijinan.shared.Forbidden("charity.not-your-project");
		}
	}

	private ProjectView view(ResultSet row) throws SQLException {
		BigDecimal budget = row.getBigDecimal("budget");
		BigDecimal committed = row.getBigDecimal("committed");
		List<String> paths = strings(row.getArray("region_paths"));
		return new ProjectView(row.getObject("id", UUID.class), row.getString("unit_name"), row.getString("name"),
				row.getString("description"), strings(row.getArray("causes")), strings(row.getArray("target_groups")),
				paths.stream().map(Projects::codeOf).toList(), row.getBigDecimal("per_case_max"), budget, committed,
				budget.subtract(committed), row.getString("goods"), row.getBoolean("active"));
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static String codeOf(String path) {
		String[] parts = path.split("/");
		return parts[parts.length - 1];
	}

	private static BigDecimal amount(@Nullable BigDecimal amount, String problem) {
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(new BigDecimal("100000000")) > 0) {
			throw new RuleViolation(problem);
		}
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/**
	 * A project to start.
	 *
	 * @param name its name
	 * @param description what it does
	 * @param causes the causes it helps with (none: every cause)
	 * @param regions the county or townships it serves
	 * @param perCaseMax the most for one case, yuan
	 * @param budget the budget, yuan
	 * @param goods goods it can give
	 * @param targetGroups the registry's categories it serves (none: everyone)
	 */
	public record NewProject(@Nullable String name, @Nullable String description, @Nullable List<String> causes,
			@Nullable List<DivisionCode> regions, @Nullable BigDecimal perCaseMax, @Nullable BigDecimal budget,
			@Nullable String goods, @Nullable List<String> targetGroups) {
	}


}
