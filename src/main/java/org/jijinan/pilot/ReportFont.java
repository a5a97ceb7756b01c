package org.jijinan.pilot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.jspecify.annotations.Nullable;

/**
 * The Chinese font printed documents embed: the configured one, else the machine's WenQuanYi Micro Hei or Noto Sans
 * CJK, else the subset of WenQuanYi Micro Hei the platform ships (ASCII, GB 2312 and its own texts). Embedded as
 * Identity-H, so only the glyphs used go into each document.
 */
final class ReportFont {

	private static final List<String> SYSTEM = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2");

	private static final String SHIPPED = "fonts/wqy-microhei-gb2312.ttf";

	private ReportFont() {
	}

	static BaseFont load(@Nullable String configured) {
		try {
			if (configured != null && !configured.isBlank()) {
				return BaseFont.createFont(configured.strip(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			for (String candidate : SYSTEM) {
				if (Files.isReadable(Path.of(candidate.substring(0, candidate.lastIndexOf(','))))) {
					return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				}
			}
			return shipped();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * @return the subset the platform ships
	 */
	static BaseFont shipped() throws IOException {
		try (InputStream shipped = ReportFont.class.getClassLoader().getResourceAsStream(SHIPPED)) {
			if (shipped == null) {
				throw new IllegalStateException("the platform's font " + SHIPPED + " is missing");
			}
			return BaseFont.createFont("wqy-microhei-gb2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					shipped.readAllBytes(), null);
		}
	}

}
