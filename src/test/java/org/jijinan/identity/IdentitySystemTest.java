package org.jijinan.identity;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.region.RegionDirectory;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the identity system tests share: the running server's port and accounts opened through the real services.
 */
@SystemTest
abstract class IdentitySystemTest {

	@LocalServerPort
	int port;

	@Autowired
	StaffAdministration administration;

	@Autowired
	Units units;

	@Autowired
	Credentials credentials;

	@Autowired
	RegionDirectory regions;

	StaffFixtures staff;

	@BeforeEach
	void openFixtures() {
		staff = new StaffFixtures(administration, units, credentials, regions);
	}

	/**
	 * @return a visitor signed in with {@link StaffFixtures#PASSWORD}, holding a CSRF token
	 */
	Visitor signedIn(Opened account) {
		return StaffFixtures.signedIn(port, account);
	}

}
