package org.jijinan.pilot;

import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pilot's documents are kept and which font its printed report uses.
 *
 * @param documentDirectory where policy documents are kept (shared storage when several nodes run)
 * @param font a TrueType font (or {@code file.ttc,0}) with Chinese glyphs for the printed report; by default the
 * machine's WenQuanYi Micro Hei or Noto Sans CJK, else the subset the platform ships
 */
@ConfigurationProperties("jijinan.pilot")
record PilotSettings(@DefaultValue("./data/pilot-documents") Path documentDirectory, @Nullable String font) {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

}
