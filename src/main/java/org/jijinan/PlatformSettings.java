package org.jijinan;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform keeps its files and how it reaches its database.
 *
 * @param dataDir folder for the embedded database and generated key files (default {@code ./data})
 * @param database database settings
 * @param demo demo-mode settings
 */
@ConfigurationProperties("jijinan")
@Validated
record PlatformSettings(@DefaultValue("./data") @NotNull Path dataDir, @DefaultValue @Valid Database database,
		@DefaultValue Demo demo) {

	record Database(@DefaultValue @Valid Embedded embedded, @DefaultValue("10") @Min(2) @Max(200) int poolSize) {
	}

	/**
	 * @param port TCP port on localhost; 0 picks a free one
	 * @param ephemeral a throw-away database in a temporary folder (tests)
	 * @param preloadLibraries server libraries to load at start, comma-separated ({@code pg_stat_statements} shows
	 *     where the database's time goes; the benchmarks load it with {@code STATEMENTS=1})
	 */
	record Embedded(@DefaultValue("0") @Min(0) @Max(65535) int port, @DefaultValue("false") boolean ephemeral,
			@DefaultValue("") @Pattern(regexp = "[a-z_,]*") String preloadLibraries) {
	}

	/**
	 * @param enabled load the demo units and accounts on an embedded database's first start
	 */
	record Demo(@DefaultValue("true") boolean enabled) {
	}

}
