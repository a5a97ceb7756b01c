package org.jijinan.relief;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.PrintedFont;
import org.jijinan.shared.ShapedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The decision letter (临时救助决定书) the applicant is given, on one A4 page: the decision, its reasons and legal basis,
 * and the remedies (Order 649 art. 65) — an administrative review within sixty days before the county's people's
 * government, an administrative lawsuit within six months before the county's people's court, and the hotline and
 * the public complaint page — in Chinese and, shaped, in Tibetan. A corrected decision names its grounds.
 */
@Component
class DecisionLetter {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日")
		.withZone(AssistanceChain.CHINA);

	private final MessageSource messages;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final ReliefSettings settings;

	private volatile @Nullable BaseFont chinese;

	DecisionLetter(MessageSource messages, RegionDirectory regions, IntakeDesk intake, ReliefSettings settings) {
		this.messages = messages;
		this.regions = regions;
		this.intake = intake;
		this.settings = settings;
	}

	/**
	 * @param decision an approved or refused decision (409 {@code relief.letter-not-decided} for any other)
	 * @param causeName the hardship cause in words
	 */
	byte[] pdf(DecisionView decision, String causeName) {
		if (decision.status() != DecisionStatus.APPROVED && decision.status() != DecisionStatus.REFUSED) {
			throw new Conflict("relief.letter-not-decided", decision.status().name());
		}
		List<DivisionView> lineage = regions.lineage(decision.township());
		String township = lineage.isEmpty() ? decision.township().value() : lineage.get(lineage.size() - 1).name();
		String county = lineage.size() > 1 ? lineage.get(lineage.size() - 2).name() : township;
		String reviewBody = settings.reviewBody() != null ? settings.reviewBody() : county + "人民政府";
		String court = settings.court() != null ? settings.court() : county + "人民法院";
		String issuer = decision.level() == ApprovalLevel.COUNTY ? county + "民政局" : township + "人民政府";
		boolean approved = decision.status() == DecisionStatus.APPROVED;
		Locale zh = Locale.SIMPLIFIED_CHINESE;

		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 64, 64, 64, 64);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		String title = text(approved ? "relief.letter.title.APPROVED" : "relief.letter.title.REFUSED", zh);
		document.addTitle(title);
		document.addCreator("jijinan");
		document.open();
		BaseFont font = chineseFont();
		Font heading = new Font(font, 20);
		Font body = new Font(font, 12);
		Paragraph head = new Paragraph(title, heading);
		head.setAlignment(Element.ALIGN_CENTER);
		head.setSpacingAfter(18);
		document.add(head);
		add(document, body, text("relief.letter.applicant", zh, String.valueOf(decision.subjectName()),
				decision.caseNumber()));
		add(document, body, approved
				? text("relief.letter.body.APPROVED", zh, causeName, summary(decision))
				: text("relief.letter.body.REFUSED", zh, String.valueOf(decision.reason())));
		if (decision.grounds() != null) {
			add(document, body, text("relief.letter.grounds", zh, decision.grounds()));
		}
		add(document, body, text("relief.letter.remedies", zh, reviewBody, court, intake.hotlineNumber()));
		Paragraph signed = new Paragraph(issuer + "\n" + (decision.decidedAt() == null ? ""
				: DAY.format(decision.decidedAt())), body);
		signed.setAlignment(Element.ALIGN_RIGHT);
		signed.setSpacingBefore(18);
		document.add(signed);
		float below = writer.getVerticalPosition(true) - 36;
		var canvas = writer.getDirectContent();
		canvas.setColorFill(java.awt.Color.BLACK);
		ShapedText.tibetan()
			.drawWrapped(canvas, text("relief.letter.remedies", ApplicantLanguage.TIBETAN.locale(), reviewBody, court,
					intake.hotlineNumber()), 13, 64, below, PageSize.A4.getWidth() - 128, 24);
		document.close();
		return out.toByteArray();
	}

	private static String summary(DecisionView decision) {
		StringBuilder granted = new StringBuilder();
		if (decision.cashAmount().signum() > 0) {
			granted.append("现金 ").append(decision.cashAmount().toPlainString()).append(" 元");
		}
		if (decision.goods() != null) {
			granted.append(granted.isEmpty() ? "" : "，").append(decision.goods());
		}
		if (decision.referral() != null) {
			granted.append(granted.isEmpty() ? "" : "，").append("转介").append(decision.referral());
		}
		return granted.toString();
	}

	private static void add(Document document, Font font, String text) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setFirstLineIndent(24);
		paragraph.setLeading(22);
		paragraph.setSpacingAfter(8);
		document.add(paragraph);
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}

	private BaseFont chineseFont() {
		BaseFont loaded = chinese;
		if (loaded == null) {
			loaded = PrintedFont.chinese(null);
			chinese = loaded;
		}
		return loaded;
	}

}
