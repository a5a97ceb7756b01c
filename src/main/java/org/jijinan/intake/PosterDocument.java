package org.jijinan.intake;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.PrintedFont;
import org.jijinan.shared.ShapedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Village posters as a PDF, one A4 page each: the place, the call to scan, a QR code 11 cm wide drawn as squares (sharp
 * at any printer's resolution), the hotline, the address to type and the line in Tibetan. Chinese is printed with the
 * platform's Chinese font, Tibetan shaped ({@link ShapedText}). In demo mode each page says it is not to be put up.
 */
@Component
class PosterDocument {

	private static final Rectangle PAGE = PageSize.A4;

	private static final float CENTRE = PAGE.getWidth() / 2;

	private static final float WIDEST = PAGE.getWidth() - 100;

	private static final float QR_SIDE = 312;

	private static final Color ACCENT = new Color(0xb4, 0x23, 0x18);

	private static final Color MUTED = new Color(0x52, 0x5f, 0x6b);

	private final MessageSource messages;

	private final DeploymentMode mode;

	private volatile @Nullable BaseFont chinese;

	PosterDocument(MessageSource messages, DeploymentMode mode) {
		this.messages = messages;
		this.mode = mode;
	}

	/**
	 * @param posters one page each, in this order (at least one)
	 * @param title the document's title
	 * @param locale the language of the texts; the Tibetan line is the same in all
	 */
	byte[] pdf(List<Poster> posters, String title, Locale locale) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PAGE, 0, 0, 0, 0);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.addCreator("jijinan");
		document.open();
		for (Poster poster : posters) {
			document.newPage();
			page(writer.getDirectContent(), poster, chineseFont(), locale);
		}
		document.close();
		return out.toByteArray();
	}

	private void page(PdfContentByte canvas, Poster poster, BaseFont chinese, Locale locale) {
		Texts text = (code, arguments) -> messages.getMessage(code, arguments, code, locale);
		canvas.setColorStroke(MUTED);
		canvas.setLineWidth(1.5f);
		canvas.rectangle(28, 28, PAGE.getWidth() - 56, PAGE.getHeight() - 56);
		canvas.stroke();
		line(canvas, chinese, poster.countyName() + " " + poster.townshipName(), 20, 782, MUTED);
		line(canvas, chinese, poster.villageName(), 40, 728, Color.BLACK);
		line(canvas, chinese, text.of("poster.heading"), 44, 662, ACCENT);
		qr(canvas, QrCode.modules(poster.link()), 330);
		line(canvas, chinese, text.of("poster.scan", poster.villageName()), 15, 306, Color.BLACK);
		line(canvas, chinese, text.of("poster.hotline") + " " + poster.hotlineNumber(), 34, 252, ACCENT);
		line(canvas, chinese, text.of("poster.hours", poster.hotlineHours()), 15, 222, Color.BLACK);
		line(canvas, chinese, text.of("poster.address", poster.address()), 15, 184, Color.BLACK);
		canvas.setColorFill(Color.BLACK);
		ShapedText.tibetan().drawCentred(canvas, text.of("poster.tibetan-line"), 24, CENTRE, 118);
		if (mode.demo()) {
			line(canvas, chinese, text.of("poster.demo"), 12, 52, MUTED);
		}
	}

	/**
	 * One line centred across the page, made smaller when it would not fit.
	 */
	private static void line(PdfContentByte canvas, BaseFont font, String text, float size, float baseline,
			Color colour) {
		float fitted = Math.min(size, size * WIDEST / Math.max(1, font.getWidthPoint(text, size)));
		canvas.setColorFill(colour);
		canvas.beginText();
		canvas.setFontAndSize(font, fitted);
		canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, text, CENTRE, baseline, 0);
		canvas.endText();
	}

	private static void qr(PdfContentByte canvas, BitMatrix modules, float bottom) {
		float module = QR_SIDE / modules.getWidth();
		float left = CENTRE - QR_SIDE / 2;
		float top = bottom + QR_SIDE;
		canvas.setColorFill(Color.BLACK);
		for (int row = 0; row < modules.getHeight(); row++) {
			int column = 0;
			while (column < modules.getWidth()) {
				int run = column;
				while (run < modules.getWidth() && modules.get(run, row)) {
					run++;
				}
				if (run > column) {
					// A row's dark modules side by side as one bar: no seams between them where a viewer smooths edges.
					canvas.rectangle(left + column * module, top - (row + 1) * module, (run - column) * module, module);
				}
				column = run + 1;
			}
		}
		canvas.fill();
	}

	private BaseFont chineseFont() {
		BaseFont loaded = chinese;
		if (loaded == null) {
			loaded = PrintedFont.chinese(null);
			chinese = loaded;
		}
		return loaded;
	}

	/** The poster's texts in the reader's language. */
	@FunctionalInterface
	private interface Texts {

		String of(String code, Object... arguments);

	}

}
