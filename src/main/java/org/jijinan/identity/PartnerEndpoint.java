package org.jijinan.identity;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * An API operation that partner systems may call as well as staff, with the scope they need and the kinds of unit
 * whose systems may be granted that scope (a housing department's system is never given a hospital's scope). Modules
 * declare their partner endpoints as beans; everything else under {@code /api} stays staff-only.
 *
 * @param method the HTTP method
 * @param path the path pattern, such as {@code /api/v1/help-requests}
 * @param scope the scope a partner client must hold, such as {@code help-requests:write}
 * @param holders the kinds of unit whose partner systems may hold the scope
 */
public record PartnerEndpoint(HttpMethod method, String path, String scope, Set<UnitKind> holders) {

	public PartnerEndpoint {
		holders = Set.copyOf(holders);
	}

}
