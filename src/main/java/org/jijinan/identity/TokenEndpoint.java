package org.jijinan.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for partner systems (client-credentials grant, RFC 6749 §4.4): credentials in HTTP
 * Basic or in the form body; the answer is a one-hour bearer token.
 */
@RestController
class TokenEndpoint {

	private final PartnerClients clients;

	TokenEndpoint(PartnerClients clients) {
		this.clients = clients;
	}

	@Operation(summary = "Exchange client credentials for an access token",
			description = "OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for registered partner systems, "
					+ "credentials in HTTP Basic or the form; a one-hour bearer token. Problems: 400 "
					+ "`security.grant-type-unsupported`, 401 for unknown credentials.")
	@PostMapping(path = "/api/v1/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Map<String, Object> token(@RequestParam("grant_type") String grantType,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "client_secret", required = false) @Nullable String clientSecret,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!"client_credentials".equals(grantType)) {
			throw new InvalidInput("security.grant-type-unsupported");
		}
		String[] basic = basic(authorization);
		String id = basic != null ? basic[0] : clientId;
		String secret = basic != null ? basic[1] : clientSecret;
		if (id == null || secret == null) {
			throw new PartnerClients.InvalidClient();
		}
		String token = clients.exchange(id, secret);
		return Map.of("access_token", token, "token_type", "Bearer", "expires_in",
				AccessTokens.CLIENT_TOKEN.toSeconds());
	}

	@Operation(summary = "Read the calling partner system", description = "With a partner-client bearer token.")
	@org.springframework.web.bind.annotation.GetMapping("/api/v1/partner")
	PartnerClient partner(@org.springframework.security.core.annotation.AuthenticationPrincipal PartnerClient client) {
		return client;
	}

	private static String @Nullable [] basic(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

}
