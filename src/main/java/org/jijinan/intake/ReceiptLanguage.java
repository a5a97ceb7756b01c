package org.jijinan.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The receipt speaks the applicant's language beside the office's: an applicant who reads Tibetan or English gets
 * every heading, the causes and the note twice, so that both the applicant and the staff who read it later can.
 */
@Component
class ReceiptLanguage {

	private static final List<String> HEADINGS = List.of("intake.receipt.title", "intake.number",
			"intake.receivedAt", "intake.subject", "intake.causes", "intake.township", "intake.office", "intake.owner",
			"intake.due");

	private final MessageSource messages;

	private final IntakeDesk desk;

	private final IntakeSettings settings;

	ReceiptLanguage(MessageSource messages, IntakeDesk desk, IntakeSettings settings) {
		this.messages = messages;
		this.desk = desk;
		this.settings = settings;
	}

	/**
	 * Adds {@code second} (the texts, by key, and {@code causes}) and {@code secondLanguage} when the applicant reads
	 * another language than Chinese.
	 */
	void second(HelpRequestView request, Model model) {
		if (request.language() == ApplicantLanguage.CHINESE) {
			return;
		}
		var locale = request.language().locale();
		Map<String, String> second = new HashMap<>();
		HEADINGS.forEach(key -> second.put(key, messages.getMessage(key, null, locale)));
		second.put("intake.receipt.note",
				messages.getMessage("intake.receipt.note", new Object[] { settings.hotlineNumber() }, locale));
		Map<String, String> english = new HashMap<>();
		desk.causes().forEach(cause -> english.put(cause.code(), cause.englishName()));
		second.put("causes", request.causes()
			.stream()
			.map(code -> request.language() == ApplicantLanguage.ENGLISH ? english.getOrDefault(code, code)
					: messages.getMessage("intake.cause." + code, null, english.getOrDefault(code, code), locale))
			.sorted()
			.collect(Collectors.joining(request.language() == ApplicantLanguage.ENGLISH ? ", " : "། ")));
		model.addAttribute("second", second);
		model.addAttribute("secondLanguage", locale.toLanguageTag());
	}

}
