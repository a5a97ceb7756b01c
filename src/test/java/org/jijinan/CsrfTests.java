package org.jijinan;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S14: every state-changing request mapping of the platform — enumerated from the running application, not listed
 * by hand — refuses a signed-in session's request that carries no CSRF token, and nothing changes. Only the token
 * endpoint, which partner systems call without a session, is exempt.
 */
@SystemTest
class CsrfTests {

	private static final Set<String> EXEMPT = Set.of("POST /api/v1/oauth2/token");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesEveryStateChangingRequestWithoutAToken() {
		var account = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR, Role.COUNTY_APPROVER);
		Visitor admin = StaffFixtures.signedIn(port, account);
		Set<String> operations = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(method -> {
			if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS
					&& method != RequestMethod.TRACE) {
				info.getPatternValues().forEach(pattern -> operations.add(method.name() + " " + pattern));
			}
		}));
		assertThat(operations).as("the mappings were found").hasSizeGreaterThan(50);
		long auditBefore = actedBy(account.username());

		List<String> accepted = new ArrayList<>();
		for (String operation : operations) {
			if (EXEMPT.contains(operation)) {
				continue;
			}
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1)
				.replaceAll("\\{[^}]*}", "00000000-0000-0000-0000-000000000000");
			Page answer = admin.send(HttpRequest.newBuilder(admin.uri(path))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString("{}")));
			if (answer.status() != 403 || !answer.body().contains("security.csrf-token-invalid")) {
				accepted.add(operation + " → " + answer.status());
			}
		}

		assertThat(accepted).as("state-changing requests without a CSRF token that were not refused").isEmpty();
		assertThat(actedBy(account.username())).as("nothing happened").isEqualTo(auditBefore);
		assertThat(jdbc.sql("select count(*) from audit_record where actor = :actor and action = 'security.request-denied'")
			.param("actor", account.username())
			.query(Long.class)
			.single()).as("the refusals are in the audit trail").isGreaterThan(0);
		assertThat(admin.postRaw("/admin/units", java.util.Map.of("name", "x")).body()).as("a page says what to do")
			.contains("安全令牌缺失或已失效，请刷新页面后重试");
	}

	private long actedBy(String username) {
		return jdbc.sql("""
				select count(*) from audit_record
				 where actor = :actor and action not in ('identity.sign-in', 'security.request-denied')""")
			.param("actor", username)
			.query(Long.class)
			.single();
	}

}
