package org.jijinan.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param master the master key, Base64 of 32 bytes; comes from the environment ({@code JIJINAN_KEYS_MASTER})
 * @param file where an embedded installation keeps its generated key
 */
@ConfigurationProperties("jijinan.keys")
record KeySettings(@Nullable String master, Path file) {
}
