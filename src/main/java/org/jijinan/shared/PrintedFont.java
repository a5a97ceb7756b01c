package org.jijinan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.jspecify.annotations.Nullable;

/**
 * The Chinese font printed documents (the pilot's evaluation report, the village posters) embed: the configured one,
 * else the machine's WenQuanYi Micro Hei or Noto Sans CJK, else the subset of WenQuanYi Micro Hei the platform ships
 * (ASCII, GB 2312 and its own texts). Embedded as Identity-H, so only the glyphs used go into each document.
 */
public final class PrintedFont {

	private static final List<String> SYSTEM = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2");

	private static final String SHIPPED = "fonts/wqy-microhei-gb2312.ttf";

	private PrintedFont() {
	}

	/**
	 * @param configured a TrueType font file (or {@code file.ttc,0}) a county set, or {@code null}
	 * @return the font to print Chinese with
	 */
	public static BaseFont chinese(@Nullable String configured) {
		try {
			if (configured != null && !configured.isBlank()) {
				return fromFile(configured.strip());
			}
			for (String candidate : SYSTEM) {
				if (Files.isReadable(Path.of(candidate.substring(0, candidate.lastIndexOf(','))))) {
					return fromFile(candidate);
				}
			}
			return shippedChinese();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * A font file read into memory once. Left on disk, OpenPDF reads it a byte per system call each time a document
	 * embeds its subset: half a second of CPU for every evaluation report with the 5 MB WenQuanYi Micro Hei, against
	 * some 30 ms from memory, for the same document.
	 */
	private static BaseFont fromFile(String name) throws IOException {
		return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, null, null, false, true);
	}

	/**
	 * @return the subset the platform ships
	 */
	public static BaseFont shippedChinese() throws IOException {
		return BaseFont.createFont("wqy-microhei-gb2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
				shipped(SHIPPED), null);
	}

	/**
	 * @param resource a font file the platform ships, on the class path
	 * @return its bytes
	 */
	public static byte[] shipped(String resource) throws IOException {
		try (InputStream shipped = PrintedFont.class.getClassLoader().getResourceAsStream(resource)) {
			if (shipped == null) {
				throw new IllegalStateException("the platform's font " + resource + " is missing");
			}
			return shipped.readAllBytes();
		}
	}

}
