package org.jijinan.relief;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relief's settings.
 *
 * @param bankFileKey the key (Base64, at least 32 bytes) agreed with the paying bank for the HMAC-SHA256 over payout
 * files; without it a key is derived from the platform's master key (fine for trials, not for a real bank)
 */
@ConfigurationProperties("jijinan.relief")
record ReliefSettings(@Nullable String bankFileKey) {
}
