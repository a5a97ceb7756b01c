package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individuals' wish to help (个人帮扶意愿): pledges of money, goods or volunteer hours for an area and causes, and
 * volunteers with their skills and areas, recorded by charity officers or the county; and the pledges that fit a
 * published need, with the reasons.
 */
@Service
public class Pledges implements SealedColumns {

	static final String VOLUNTEER_PHONE = "charity.volunteer-phone";

	static final Map<String, Set<String>> SERVES = Map.of("MONEY", Set.of("CASH"), "GOODS", Set.of("GOODS"), "HOURS",
			Set.of("SERVICE", "VOLUNTEER"));

	private static final Map<String, String> UNITS = Map.of("MONEY", "元", "HOURS", "小时");

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final NeedsBoard needs;

	private final Sealer sealer;

	private final Clock clock;

	Pledges(JdbcClient jdbc, RegionDirectory regions, NeedsBoard needs, Sealer sealer, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.needs = needs;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * Records a pledge. Money is given to the fen, goods and hours in whole numbers, hours at most 10,000.
	 */
	@Transactional
	public PledgeView pledge(NewPledge pledge, Caller caller) {
		requireRecorder(caller);
		String kind = pledge.kind() == null ? "" : pledge.kind();
		if (!SERVES.containsKey(kind)) {
			throw new InvalidInput("charity.pledge-kind-invalid");
		}
		BigDecimal quantity = pledge.quantity();
		if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > (kind.equals("MONEY") ? 2 : 0)
				|| kind.equals("HOURS") && quantity.compareTo(BigDecimal.valueOf(10_000)) > 0
				|| quantity.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
			throw new RuleViolation("charity.pledge-quantity-invalid");
		}
		List<String> causes = pledge.causes() == null ? List.of() : pledge.causes();
		if (causes.size() > 20 || causes.stream().anyMatch(cause -> !cause.matches("[A-Z_]{2,40}"))) {
			throw new InvalidInput("charity.causes-invalid");
		}
		String unit = kind.equals("GOODS") ? WrittenText.required(pledge.unit(), 1, 10, "charity.pledge-unit-required")
				: UNITS.get(kind);
		String path = region(pledge.region());
		String donor = WrittenText.optional(pledge.donorName(), 50);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into charity_pledge (id, donor_name, kind, quantity, remaining, unit, description, region_path, causes,
				                            recorded_by, recorded_at)
				values (:id, :donor, :kind, :quantity, :quantity, :unit, :description, :path, :causes, :by, :at)""")
			.param("id", id)
			.param("donor", donor.isEmpty() ? "匿名" : donor)
			.param("kind", kind)
			.param("quantity", quantity)
			.param("unit", unit)
			.param("description", WrittenText.required(pledge.description(), 2, 300, "charity.pledge-description-required"))
			.param("path", path)
			.param("causes", causes.toArray(String[]::new))
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return pledgesWhere("id = :id", id).get(0);
	}

	/**
	 * Records a volunteer; the phone is sealed and shown masked.
	 */
	@Transactional
	public VolunteerView volunteer(NewVolunteer volunteer, Caller caller) {
		requireRecorder(caller);
		String name = WrittenText.required(volunteer.name(), 2, 50, "charity.volunteer-name-required");
		List<String> skills = volunteer.skills() == null ? List.of() : volunteer.skills();
		if (skills.isEmpty() || skills.size() > 10 || skills.stream().anyMatch(skill -> skill.isBlank() || skill.length() > 40)) {
			throw new InvalidInput("charity.volunteer-skills-required");
		}
		if (volunteer.hoursAMonth() < 1 || volunteer.hoursAMonth() > 200) {
			throw new RuleViolation("charity.volunteer-hours-invalid");
		}
		String path = region(volunteer.region());
		PhoneNumber phone = volunteer.phone() == null || volunteer.phone().isBlank() ? null
				: PhoneNumber.parse(volunteer.phone());
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into charity_volunteer (id, name, phone_sealed, phone_masked, skills, region_paths, hours_a_month,
				                               recorded_by, recorded_at)
				values (:id, :name, :sealed, :masked, :skills, :paths, :hours, :by, :at)""")
			.param("id", id)
			.param("name", name)
			.param("sealed", phone == null ? null : sealer.seal(phone.value(), VOLUNTEER_PHONE))
			.param("masked", phone == null ? null : phone.toString())
			.param("skills", skills.stream().map(String::strip).toArray(String[]::new))
			.param("paths", new String[] { path })
			.param("hours", volunteer.hoursAMonth())
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return volunteersWhere("id = :id", id).get(0);
	}

	/**
	 * @return the volunteers, newest first
	 */
	@Transactional(readOnly = true)
	public List<VolunteerView> volunteers(Caller caller) {
		requireRecorder(caller);
		return volunteersWhere("true", null);
	}

	private List<VolunteerView> volunteersWhere(String condition, @Nullable UUID id) {
		return jdbc.sql("select * from charity_volunteer where " + condition + " order by recorded_at desc limit 500")
			.param("id", id)
			.query((row, n) -> new VolunteerView(row.getObject("id", UUID.class), row.getString("name"),
					row.getString("phone_masked"), Projects.strings(row.getArray("skills")),
					Projects.strings(row.getArray("region_paths")).stream().map(Projects::codeOf).toList(),
					row.getInt("hours_a_month")))
			.list();
	}

	/**
	 * @return the pledges with something left that fit a need — its area, a kind of help it asks for, its cause
	 * first — with the reasons
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> forNeed(UUID needId, Caller caller) {
		NeedView need = needs.find(needId, caller);
		String township = regions.path(new DivisionCode(need.township()));
		return list().stream()
			.filter(pledge -> fits(pledge, need, township))
			.map(pledge -> new Suggestion(pledge,
					pledge.causes().stream().anyMatch(need.causes()::contains) ? List.of("REGION", "KIND", "CAUSE")
							: List.of("REGION", "KIND")))
			.sorted(Comparator.comparingInt((Suggestion suggestion) -> -suggestion.reasons().size())
				.thenComparing(suggestion -> suggestion.pledge().id()))
			.limit(20)
			.toList();
	}

	/**
	 * The volunteers who could help with a need that asks for volunteers or services: those serving its township,
	 * the ones whose skills the need's summary names first (a skill counts when its first two characters appear in
	 * the summary), then by hours a month. Their phones stay masked.
	 */
	@Transactional(readOnly = true)
	public List<VolunteerSuggestion> volunteersFor(UUID needId, Caller caller) {
		requireRecorder(caller);
		NeedView need = needs.find(needId, caller);
		if (need.kinds().stream().noneMatch(kind -> kind.equals("VOLUNTEER") || kind.equals("SERVICE"))) {
			return List.of();
		}
		String township = regions.path(new DivisionCode(need.township()));
		return volunteersWhere("true", null).stream()
			.filter(volunteer -> volunteer.regions()
				.stream()
				.anyMatch(region -> township.startsWith(regions.path(new DivisionCode(region)))))
			.map(volunteer -> new VolunteerSuggestion(volunteer,
					volunteer.skills().stream().anyMatch(skill -> need.summary().contains(skill.substring(0,
							Math.min(2, skill.length())))) ? List.of("REGION", "KIND", "SKILL")
									: List.of("REGION", "KIND")))
			.sorted(Comparator.comparingInt((VolunteerSuggestion suggestion) -> -suggestion.reasons().size())
				.thenComparing(suggestion -> -suggestion.volunteer().hoursAMonth())
				.thenComparing(suggestion -> suggestion.volunteer().id()))
			.limit(20)
			.toList();
	}

	/**
	 * @return whether the pledge can help with the need: given for an area the need's township lies in, of a kind
	 * the need asks for
	 */
	boolean fits(PledgeView pledge, NeedView need, String townshipPath) {
		return townshipPath.startsWith(regions.path(new DivisionCode(pledge.region())))
				&& SERVES.get(pledge.kind()).stream().anyMatch(need.kinds()::contains);
	}

	/**
	 * @return the pledge, whatever is left of it
	 */
	Optional<PledgeView> find(UUID id) {
		return pledgesWhere("id = :id", id).stream().findFirst();
	}

	private List<PledgeView> list() {
		return pledgesWhere("remaining > 0", null);
	}

	private List<PledgeView> pledgesWhere(String condition, @Nullable UUID id) {
		return jdbc.sql("select * from charity_pledge where " + condition + " order by recorded_at desc limit 2000")
			.param("id", id)
			.query((row, n) -> new PledgeView(row.getObject("id", UUID.class), row.getString("donor_name"),
					row.getString("kind"), row.getBigDecimal("quantity"), row.getBigDecimal("remaining"),
					row.getString("unit"), row.getString("description"), Projects.codeOf(row.getString("region_path")),
					Projects.strings(row.getArray("causes"))))
			.list();
	}

	/**
	 * @return the pledges with something left, newest first
	 */
	@Transactional(readOnly = true)
	public List<PledgeView> pledges(Caller caller) {
		requireRecorder(caller);
		return list();
	}

	private String region(@Nullable DivisionCode region) {
		if (region == null || regions.find(region).isEmpty()) {
			throw new InvalidInput("charity.region-required");
		}
		return regions.path(region);
	}

	static void requireRecorder(Caller caller) {
		if (!CharityStaff.isCharity(caller) && (caller.regionScope() == null
				|| !(caller.hasRole("COUNTY_REVIEWER") || caller.hasRole("COUNTY_APPROVER")))) {
			throw new org.jijinan.shared.Forbidden("charity.not-allowed");
		}
	}

	/**
	 * A pledge to record.
	 */
	public record NewPledge(@Nullable String donorName, @Nullable String kind, @Nullable BigDecimal quantity,
			@Nullable String unit, @Nullable String description, @Nullable DivisionCode region,
			@Nullable List<String> causes) {
	}

	/**
	 * A pledge.
	 *
	 * @param id the pledge
	 * @param donorName the donor as they wish to be named, or 匿名
	 * @param kind {@code MONEY}, {@code GOODS} or {@code HOURS}
	 * @param quantity what was pledged
	 * @param remaining what is left
	 * @param unit 元, 小时, or the goods' unit
	 * @param description what it is
	 * @param region the area it is for
	 * @param causes the causes it is for (none: any)
	 */
	public record PledgeView(UUID id, String donorName, String kind, BigDecimal quantity, BigDecimal remaining,
			String unit, String description, String region, List<String> causes) {
	}

	/**
	 * A volunteer who could help with a need.
	 *
	 * @param reasons why: {@code REGION}, {@code KIND}, and {@code SKILL} when the need's summary names a skill
	 */
	public record VolunteerSuggestion(VolunteerView volunteer, List<String> reasons) {
	}

	/**
	 * A pledge that fits a need.
	 *
	 * @param pledge the pledge
	 * @param reasons why it fits: {@code REGION}, {@code KIND}, and {@code CAUSE} when it names the need's cause
	 */
	public record Suggestion(PledgeView pledge, List<String> reasons) {
	}

	/**
	 * A volunteer to record.
	 */
	public record NewVolunteer(@Nullable String name, @Nullable String phone, @Nullable List<String> skills,
			@Nullable DivisionCode region, int hoursAMonth) {
	}

	/**
	 * A volunteer, the phone masked.
	 */
	public record VolunteerView(UUID id, String name, @Nullable String phone, List<String> skills, List<String> regions,
			int hoursAMonth) {
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("charity_volunteer", "phone_sealed", VOLUNTEER_PHONE));
	}

}
