package org.jijinan.identity;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.ProblemWriter;
import org.jijinan.shared.Problems;
import org.jijinan.shared.RequestDenied;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what: pages need a full staff session (form login, CSRF token, gates for password change and TOTP);
 * the API accepts the same session or a bearer token, and answers every refusal with problem JSON. The actuator
 * (on its own loopback port) shows health to anyone who can reach it and everything else, Prometheus metrics
 * included, only to a client with the {@value #METRICS_SCOPE} scope.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	/** Machine clients: they get problem JSON, never a login page. */
	static final RequestMatcher MACHINES = new OrRequestMatcher(API, EndpointRequest.toAnyEndpoint());

	/** The scope a monitoring system's client needs for the actuator endpoints other than health. */
	static final String METRICS_SCOPE = "metrics:read";

	/** Partner systems authenticate with client credentials here; they hold no session, so no CSRF token. */
	static final RequestMatcher TOKEN_ENDPOINT = PathPatternRequestMatcher.withDefaults()
		.matcher(org.springframework.http.HttpMethod.POST, "/api/v1/oauth2/token");

	/**
	 * No observations of the security filters, authentications and authorisations: each request would otherwise
	 * wrap every filter and look up a dozen meters (measured at about 7 % of the API's CPU). Requests are still
	 * timed as a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain platform(HttpSecurity http, AuthenticationManager manager, SignInOutcomes outcomes,
			TokenPrincipals tokens, ProblemWriter problems, PartnerCalls calls, ApplicationEventPublisher events,
			List<PartnerEndpoint> partnerEndpoints) throws Exception {
		http.authorizeHttpRequests(requests -> partnerEndpoints.forEach(endpoint -> requests
			.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), endpoint.path()))
			.hasAnyAuthority(Staff.FULLY_SIGNED_IN, "SCOPE_" + endpoint.scope())));
		http.authenticationManager(manager).authorizeHttpRequests(requests -> requests
			.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasAuthority("SCOPE_" + METRICS_SCOPE)
			.requestMatchers("/login", "/logout", "/error", "/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**",
					"/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/api/v1/oauth2/token", "/public/**")
			.permitAll()
			.requestMatchers("/login/code").hasAuthority(SignInGates.GIVE_CODE)
			.requestMatchers("/login/code/enrolment").hasAuthority(SignInGates.ENROL_CODE)
			.requestMatchers("/account/password").hasAnyAuthority(SignInGates.CHANGE_PASSWORD, Staff.FULLY_SIGNED_IN)
			.requestMatchers("/api/v1/partner").hasAuthority(AccessTokens.CLIENT)
			.anyRequest()
			.hasAuthority(Staff.FULLY_SIGNED_IN))
			.formLogin(form -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
			.logout(logout -> logout.logoutUrl("/logout")
				.addLogoutHandler((request, response, signedOut) -> {
					if (signedOut != null && signedOut.getPrincipal() instanceof Staff staff) {
						events.publishEvent(new SignInAttempted(staff.username(), "LOGOUT", "SUCCESS"));
					}
				})
				.logoutSuccessUrl("/login?logout"))
			// The token lives in an HttpOnly cookie, not the session: a visitor who only reads the login page or a
			// public form leaves no session row behind.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
				.csrfTokenRequestHandler(eagerCsrfTokens())
				.ignoringRequestMatchers(BearerTokens::presentedBy, TOKEN_ENDPOINT))
			.addFilterBefore(new BearerTokens(tokens, problems, calls), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiEntryPoint(problems), MACHINES)
				// Someone who opens the platform's address without signing in is a member of the public: the public
				// home, where the staff login is one link.
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/public"),
						request -> "/".equals(request.getRequestURI()))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.accessDeniedHandler(denied(problems, events)))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new ContentSecurityPolicy(), HeaderWriterFilter.class);
		return http.build();
	}

	@Bean
	AuthenticationManager authenticationManager(StaffAccounts accounts, PasswordEncoder encoder) {
		var provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(encoder);
		// Locked and disabled accounts are told apart only after the password was checked, so that the time an
		// answer takes never tells that an account is locked.
		var checks = new AccountStatusUserDetailsChecker();
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(checks);
		return new ProviderManager(provider);
	}

	private static CookieCsrfTokenRepository csrfTokens() {
		var repository = new CookieCsrfTokenRepository();
		repository.setCookieName("JIJINAN_CSRF");
		repository.setHeaderName("X-CSRF-TOKEN");
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return repository;
	}

	/**
	 * The token is made before the page is written: a cookie set while a long page renders would come after the
	 * answer's headers had gone. A call with a bearer token needs none, so none is made for it (no cookie either).
	 */
	private static CsrfTokenRequestHandler eagerCsrfTokens() {
		var eager = new XorCsrfTokenRequestAttributeHandler();
		eager.setCsrfRequestAttributeName(null);
		var onDemand = new XorCsrfTokenRequestAttributeHandler();
		return new CsrfTokenRequestHandler() {

			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response,
					Supplier<CsrfToken> token) {
				(BearerTokens.presentedBy(request) ? onDemand : eager).handle(request, response, token);
			}

			@Override
			public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
				return eager.resolveCsrfTokenValue(request, token);
			}

		};
	}

	private static AuthenticationEntryPoint apiEntryPoint(ProblemWriter problems) {
		return (request, response, failure) -> problems.write(request, response, 401, "security.unauthenticated");
	}

	private static AccessDeniedHandler denied(ProblemWriter problems, ApplicationEventPublisher events) {
		return (request, response, denied) -> {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			// Staff half-way through signing in are sent on to the next step below; that is no refusal.
			if (current != null && current.getPrincipal() instanceof Caller caller && (denied instanceof CsrfException
					|| !(caller instanceof Staff) || SignInGates.isFull(current))) {
				events.publishEvent(new RequestDenied(caller.name(), request.getMethod(),
						RequestDenied.routeOf(request.getRequestURI())));
			}
			if (MACHINES.matches(request)) {
				problems.write(request, response, 403, code(denied));
				return;
			}
			deniedPage(request, response, denied);
		};
	}

	private static void deniedPage(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException denied) throws IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (!(denied instanceof CsrfException) && current != null && !SignInGates.isFull(current)
				&& current.getPrincipal() instanceof Staff) {
			response.sendRedirect(request.getContextPath() + SignInGates.landing(current));
			return;
		}
		if (denied instanceof CsrfException) {
			request.setAttribute(Problems.PAGE_CODE, code(denied));
		}
		response.sendError(403);
	}

	private static String code(AccessDeniedException denied) {
		return denied instanceof CsrfException ? "security.csrf-token-invalid" : "security.access-denied";
	}

}
