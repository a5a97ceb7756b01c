package org.jijinan.identity;

import org.springframework.http.HttpMethod;

/**
 * An API operation that partner systems may call as well as staff, with the scope they need. Modules declare their
 * partner endpoints as beans; everything else under {@code /api} stays staff-only.
 *
 * @param method the HTTP method
 * @param path the path pattern, such as {@code /api/v1/help-requests}
 * @param scope the scope a partner client must hold, such as {@code help-requests:write}
 */
public record PartnerEndpoint(HttpMethod method, String path, String scope) {
}
