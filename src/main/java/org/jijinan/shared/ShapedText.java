package org.jijinan.shared;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;

/**
 * Text in a script that must be shaped before it is drawn — Tibetan stacks consonants and puts vowel signs above and
 * below them — laid out by Java's text engine (HarfBuzz) and drawn into a PDF glyph by glyph where the engine placed
 * each one. The text itself goes along as ActualText, so that it can be searched and copied. OpenPDF's own layout
 * switch ({@code LayoutProcessor}) would do the same for every font of every document in the JVM at once.
 */
public final class ShapedText {

	private static final FontRenderContext PLAIN = new FontRenderContext(null, true, true);

	private final BaseFont pdfFont;

	private final Font layoutFont;

	private ShapedText(BaseFont pdfFont, Font layoutFont) {
		this.pdfFont = pdfFont;
		this.layoutFont = layoutFont;
	}

	/**
	 * @return Noto Serif Tibetan, which the platform ships
	 */
	public static ShapedText tibetan() {
		return Tibetan.FONT;
	}

	/**
	 * @return the width of the text at the size, in points
	 */
	public float width(String text, float size) {
		GlyphVector glyphs = layout(text, size);
		return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
	}

	/**
	 * Draws the text centred on a point of its baseline.
	 */
	public void drawCentred(PdfContentByte canvas, String text, float size, float centre, float baseline) {
		GlyphVector glyphs = layout(text, size);
		draw(canvas, text, glyphs, size, centre - (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX() / 2,
				baseline);
	}

	/**
	 * Draws the text from a point of its baseline on, in lines no wider than the width, broken after a syllable
	 * (the tsheg ་) or a space.
	 * @return the baseline below the last line drawn
	 */
	public float drawWrapped(PdfContentByte canvas, String text, float size, float left, float baseline, float width,
			float leading) {
		float at = baseline;
		for (String line : lines(text, size, width)) {
			draw(canvas, line, layout(line, size), size, left, at);
			at -= leading;
		}
		return at;
	}

	private List<String> lines(String text, float size, float width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String piece : text.split("(?<=[་ །])")) {
			if (!line.isEmpty() && width(line + piece, size) > width) {
				lines.add(line.toString().strip());
				line.setLength(0);
			}
			line.append(piece);
		}
		if (!line.toString().isBlank()) {
			lines.add(line.toString().strip());
		}
		return lines;
	}

	private void draw(PdfContentByte canvas, String text, GlyphVector glyphs, float size, float left,
			float baseline) {
		var actualText = new PdfDictionary();
		actualText.put(PdfName.ACTUALTEXT, new PdfString(text, PdfObject.TEXT_UNICODE));
		canvas.beginMarkedContentSequence(PdfName.SPAN, actualText, true);
		canvas.beginText();
		canvas.setFontAndSize(pdfFont, size);
		for (int glyph = 0; glyph < glyphs.getNumGlyphs(); glyph++) {
			Point2D at = glyphs.getGlyphPosition(glyph);
			canvas.setTextMatrix(left + (float) at.getX(), baseline - (float) at.getY());
			canvas.showText(glyphs, glyph, glyph + 1);
		}
		canvas.endText();
		canvas.endMarkedContentSequence();
	}

	private GlyphVector layout(String text, float size) {
		char[] characters = text.toCharArray();
		return layoutFont.deriveFont(size)
			.layoutGlyphVector(PLAIN, characters, 0, characters.length, Font.LAYOUT_LEFT_TO_RIGHT);
	}

	/** Loaded once, when a document first needs it. */
	private static final class Tibetan {

		static final ShapedText FONT = load("fonts/NotoSerifTibetan-Regular.ttf");

		private static ShapedText load(String resource) {
			try {
				byte[] bytes = PrintedFont.shipped(resource);
				return new ShapedText(
						BaseFont.createFont("NotoSerifTibetan-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
								true, bytes, null),
						Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)));
			}
			catch (IOException | FontFormatException unreadable) {
				throw new UncheckedIOException(new IOException("the platform's font " + resource + " is unreadable",
						unreadable));
			}
		}

	}

}
