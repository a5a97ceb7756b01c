package org.jijinan.sharing;

import java.util.List;
import java.util.UUID;

import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-sharing agreements and the roster feed over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class SharingController {

	private final RosterFeed feed;

	SharingController(RosterFeed feed) {
		this.feed = feed;
	}

	@PutMapping("/sharing-agreements/{unitId}")
	RosterFeed.Agreement agree(@PathVariable UUID unitId, @RequestBody Terms terms,
			@AuthenticationPrincipal Caller caller) {
		return feed.agree(unitId, terms.categories(), terms.fields(), caller);
	}

	@GetMapping("/roster-feed")
	RosterFeed.Answer read(@RequestParam(required = false) @Nullable String cursor,
			@AuthenticationPrincipal Caller caller) {
		return feed.read(cursor, caller);
	}

	/**
	 * @param categories the rosters the department may follow
	 * @param fields what it may receive beyond the standing ({@code NAME}, {@code ID_NUMBER}, {@code RESIDENCE})
	 */
	record Terms(@Nullable List<String> categories, @Nullable List<String> fields) {
	}

	/**
	 * Departments' systems follow the feed with client credentials.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PartnerAccess {

		@Bean
		PartnerEndpoint rosterFeedEndpoint() {
			return new PartnerEndpoint(HttpMethod.GET, "/api/v1/roster-feed", RosterFeed.SCOPE);
		}

	}

}
