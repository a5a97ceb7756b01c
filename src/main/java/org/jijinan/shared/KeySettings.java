package org.jijinan.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key ring comes from. An embedded installation keeps it in the folder of {@code file} (generated on the
 * first start, new keys added by rotation); an external database's installation gives it in the environment.
 *
 * @param master the first master key (number 1), Base64 of 32 bytes ({@code JIJINAN_KEYS_MASTER})
 * @param ring later master keys, {@code number:Base64} separated by commas ({@code JIJINAN_KEYS_RING}); the highest
 * number seals new values
 * @param retired what is kept of retired master keys, {@code number/purpose:Base64} separated by commas
 * ({@code JIJINAN_KEYS_RETIRED}): the audit-chain and look-up keys derived from them, never the key itself
 * @param file where an embedded installation keeps its first key; the ring's other files sit beside it
 */
@ConfigurationProperties("jijinan.keys")
record KeySettings(@Nullable String master, @Nullable String ring, @Nullable String retired, Path file) {
}
