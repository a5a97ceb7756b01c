package org.jijinan.relief;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relief's settings.
 *
 * @param bankFileKey the key (Base64, at least 32 bytes) agreed with the paying bank for the HMAC-SHA256 over payout
 * files; without it a key is derived from the platform's master key (fine for trials, not for a real bank)
 * @param reviewBody the body that hears an administrative review (行政复议) of the county's decisions, as decision
 * letters name it; without it, the county's people's government ({@code 共和县人民政府})
 * @param court the court that hears an administrative lawsuit (行政诉讼), as decision letters name it; without it, the
 * county's people's court ({@code 共和县人民法院})
 */
@ConfigurationProperties("jijinan.relief")
record ReliefSettings(@Nullable String bankFileKey, @Nullable String reviewBody, @Nullable String court) {
}
