package org.jijinan.identity;

import java.time.Clock;
import java.util.Set;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode no default account exists: on the first start, the first administrator and their bureau come
 * from the environment ({@code JIJINAN_BOOTSTRAP_*}). The password must pass the password policy and must be
 * changed at the first login, so the value left in the environment stops working.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final DeploymentMode mode;

	private final Bootstrap settings;

	private final Accounts accounts;

	private final Units units;

	private final RegionDirectory regions;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final Clock clock;

	FirstAdministrator(DeploymentMode mode, Bootstrap settings, Accounts accounts, Units units,
			RegionDirectory regions, PasswordPolicy policy, PasswordEncoder encoder, Clock clock) {
		this.mode = mode;
		this.settings = settings;
		this.accounts = accounts;
		this.units = units;
		this.regions = regions;
		this.policy = policy;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (mode.demo() || accounts.countAll() > 0) {
			return;
		}
		if (settings.username() == null || settings.password() == null) {
			log.warn("No accounts exist. Set JIJINAN_BOOTSTRAP_USERNAME and JIJINAN_BOOTSTRAP_PASSWORD and restart "
					+ "to create the first administrator.");
			return;
		}
		policy.check(settings.password(), settings.username());
		DivisionCode county = DivisionCode.of(settings.division());
		Unit bureau = units.save(Unit.establish(settings.unitName(), UnitKind.COUNTY_CIVIL_AFFAIRS,
				regions.require(county), regions.path(county), false));
		accounts.save(Account.open(new NewAccount(settings.username(), "系统管理员", bureau.id(),
				Set.of(Role.ADMINISTRATOR)), bureau, encoder.encode(settings.password()), clock.instant(), false));
		log.info("Created the first administrator '{}' at {}", Account.normalise(settings.username()),
				settings.unitName());
	}

	/**
	 * @param username the first administrator's login name
	 * @param password their initial password (changed at first login)
	 * @param division the county division their bureau serves
	 * @param unitName the bureau's name
	 */
	@ConfigurationProperties("jijinan.bootstrap")
	record Bootstrap(@Nullable String username, @Nullable String password, @DefaultValue("632521") String division,
			@DefaultValue("共和县民政局") String unitName) {

		@Override
		public String toString() {
			return "Bootstrap[" + username + ", " + division + "]";
		}

	}

}
