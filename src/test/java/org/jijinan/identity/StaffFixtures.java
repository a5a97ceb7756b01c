package org.jijinan.identity;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;

import org.springframework.context.ApplicationContext;

/**
 * Opens accounts for tests through the real administration service, at demo units. Public so that other modules'
 * system tests can sign in real staff.
 */
public class StaffFixtures {

	public static final String PASSWORD = "Velvet-Harbour-4417";

	public static final DivisionCode COUNTY = new DivisionCode("632521");

	public static final DivisionCode QIABUQIA = new DivisionCode("632521100");

	public static final DivisionCode DAOTANGHE = new DivisionCode("632521101");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final StaffAdministration administration;

	private final Units units;

	private final Credentials credentials;

	private final RegionDirectory regions;

	StaffFixtures(StaffAdministration administration, Units units, Credentials credentials, RegionDirectory regions) {
		this.regions = regions;
		this.administration = administration;
		this.units = units;
		this.credentials = credentials;
	}

	/**
	 * @param context the running application
	 * @return fixtures wired to its services
	 */
	public static StaffFixtures from(ApplicationContext context) {
		return new StaffFixtures(context.getBean(StaffAdministration.class), context.getBean(Units.class),
				context.getBean(Credentials.class), context.getBean(RegionDirectory.class));
	}

	/**
	 * @return a visitor signed in as the account with {@link #PASSWORD}, holding a CSRF token
	 */
	public static org.jijinan.Visitor signedIn(int port, Opened account) {
		var visitor = new org.jijinan.Visitor(port);
		org.assertj.core.api.Assertions.assertThat(visitor.signIn(account.username(), PASSWORD).redirectsTo("/"))
			.as("signed in as " + account.username())
			.isTrue();
		visitor.get("/");
		return visitor;
	}

	/**
	 * Issues a personal access token on the signed-in person's own account, as staff do it for a script.
	 * @param roles the roles the token may use, of the account's own
	 * @return the token, shown once
	 */
	public static String personalToken(org.jijinan.Visitor session, int days, String... roles) {
		var issued = session.json("POST", "/api/v1/personal-tokens", "{\"name\": \"脚本\", \"roles\": [\""
				+ String.join("\", \"", roles) + "\"], \"days\": " + days + "}");
		org.assertj.core.api.Assertions.assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	/**
	 * Revokes a personal token as its owner does: the revoke button beside it on their account page (the last one
	 * listed when they hold several).
	 */
	public static void revokeOwnToken(org.jijinan.Visitor session) {
		String revocation = session.get("/account")
			.body()
			.replaceAll("(?s).*action=\"(/account/tokens/[^\"]+/revocation)\".*", "$1");
		org.assertj.core.api.Assertions.assertThat(session.post(revocation, java.util.Map.of()).status())
			.isLessThan(400);
	}

	/**
	 * Signs in an account whose role requires a second factor: enrols an authenticator on the way, as its owner
	 * would at the first sign-in.
	 * @return a visitor signed in as the account, holding a CSRF token
	 */
	public static org.jijinan.Visitor signedInWithSecondFactor(int port, Opened account, ApplicationContext context) {
		var visitor = new org.jijinan.Visitor(port);
		org.assertj.core.api.Assertions.assertThat(visitor.signIn(account.username(), PASSWORD)
			.redirectsTo("/login/code/enrolment")).as("asked to enrol").isTrue();
		String secret = visitor.get("/login/code/enrolment")
			.body()
			.replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
		SecondFactor factor = context.getBean(SecondFactor.class);
		org.assertj.core.api.Assertions
			.assertThat(visitor.post("/login/code/enrolment", java.util.Map.of("code",
					factor.codeAt(secret, factor.currentStep())))
				.redirectsTo("/"))
			.as("enrolled")
			.isTrue();
		visitor.get("/");
		return visitor;
	}

	/**
	 * @return the authenticator code for an enrolment secret now, as the staff member's phone would show it
	 */
	public static String codeFor(ApplicationContext context, String secret) {
		SecondFactor factor = context.getBean(SecondFactor.class);
		return factor.codeAt(secret, factor.currentStep());
	}

	/** An account still on its one-time password. */
	public Opened fresh(DivisionCode division, UnitKind kind, Role... roles) {
		return fresh("测试人员", division, kind, roles);
	}

	private Opened fresh(String displayName, DivisionCode division, UnitKind kind, Role... roles) {
		return open(displayName, unitAt(division, kind), roles);
	}

	private Opened open(String displayName, Unit unit, Role... roles) {
		String username = "t" + SEQUENCE.incrementAndGet() + "." + roles[0].name().toLowerCase().replace('_', '-');
		OpenedAccount opened = administration.open(new NewAccount(username, displayName, unit.id(), Set.of(roles)),
				unit, false);
		return new Opened(opened.account().id(), username, opened.oneTimePassword(), unit.id());
	}

	/** An account whose owner has set {@link #PASSWORD}. */
	public Opened active(DivisionCode division, UnitKind kind, Role... roles) {
		return named("测试人员", division, kind, roles);
	}

	/** An active account of someone colleagues know by the name. */
	public Opened named(String displayName, DivisionCode division, UnitKind kind, Role... roles) {
		Opened opened = fresh(displayName, division, kind, roles);
		credentials.changePassword(opened.id(), opened.oneTimePassword(), PASSWORD, PASSWORD);
		return opened;
	}

	/**
	 * An active account of someone colleagues know by the name, at a unit of that name (established at the division
	 * when there is none yet): a charity or an agency no other test shares, whose home page lists one test's work.
	 */
	public Opened namedAt(String unitName, String displayName, DivisionCode division, UnitKind kind, Role... roles) {
		Unit unit = units.findAll()
			.stream()
			.filter(candidate -> candidate.name().equals(unitName) && candidate.kind() == kind)
			.findFirst()
			.orElseGet(() -> units.save(Unit.establish(unitName, kind, regions.require(division),
					regions.path(division), false)));
		Opened opened = open(displayName, unit, roles);
		credentials.changePassword(opened.id(), opened.oneTimePassword(), PASSWORD, PASSWORD);
		return opened;
	}

	/**
	 * @return the unit of that kind at the division; one is established when a test's own division has none
	 */
	Unit unitAt(DivisionCode division, UnitKind kind) {
		return units.findAll()
			.stream()
			.filter(unit -> unit.divisionCode().equals(division) && unit.kind() == kind)
			.findFirst()
			.orElseGet(() -> units.save(Unit.establish("测试" + kind.name(), kind, regions.require(division),
					regions.path(division), false)));
	}

	/**
	 * An account opened for a test.
	 */
	public record Opened(AccountId id, String username, String oneTimePassword, UnitId unitId) {
	}

}
