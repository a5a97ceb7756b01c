package org.jijinan.intake;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jijinan.region.Places;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Downloads;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Village posters (村级求助海报) for administrators and the county's civil-affairs reviewers and approvers: the
 * townships of their area, a township's villages, each village's poster as a page to print and as a PDF, and all
 * posters of a township in one PDF.
 */
@Controller
@RequestMapping("/intake/posters")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'COUNTY_REVIEWER', 'COUNTY_APPROVER')")
class PosterPages {

	private final VillagePosters posters;

	private final PosterDocument document;

	private final MessageSource messages;

	PosterPages(VillagePosters posters, PosterDocument document, MessageSource messages) {
		this.posters = posters;
		this.document = document;
		this.messages = messages;
	}

	@GetMapping
	String townships(@AuthenticationPrincipal Caller viewer, Model model) {
		model.addAttribute("townships", posters.townships(viewer));
		return "intake/posters";
	}

	@GetMapping("/townships/{code}")
	String township(@PathVariable String code, @AuthenticationPrincipal Caller viewer, Model model) {
		model.addAttribute("township", posters.township(viewer, code));
		return "intake/poster-villages";
	}

	@GetMapping("/townships/{code}/posters.pdf")
	ResponseEntity<byte[]> townshipPdf(@PathVariable String code, @AuthenticationPrincipal Caller viewer,
			HttpServletRequest request, Locale locale) {
		Places.Township township = posters.township(viewer, code);
		String title = messages.getMessage("poster.file-township", new Object[] { township.name() }, locale);
		return pdf(title, posters.posters(township, base(request)), locale);
	}

	/**
	 * The poster as a page that prints on one A4 sheet.
	 */
	@GetMapping("/villages/{code}")
	String village(@PathVariable String code, @AuthenticationPrincipal Caller viewer, HttpServletRequest request,
			Model model) {
		Poster poster = posters.poster(viewer, code, base(request));
		model.addAttribute("poster", poster);
		model.addAttribute("qr", QrCode.dataUri(poster.link()));
		// Signs in the prefecture are in Chinese and Tibetan: the heading, the scan line and the hotline in both.
		java.util.Locale tibetan = java.util.Locale.forLanguageTag("bo");
		model.addAttribute("tibetan", java.util.Map.of("heading", messages.getMessage("poster.heading", null, tibetan),
				"scan", messages.getMessage("poster.scan", new Object[] { poster.villageName() }, tibetan), "hotline",
				messages.getMessage("poster.hotline", null, tibetan)));
		return "intake/poster";
	}

	@GetMapping("/villages/{code}/poster.pdf")
	ResponseEntity<byte[]> villagePdf(@PathVariable String code, @AuthenticationPrincipal Caller viewer,
			HttpServletRequest request, Locale locale) {
		Poster poster = posters.poster(viewer, code, base(request));
		String title = messages.getMessage("poster.file-village", new Object[] { poster.villageName() }, locale);
		return pdf(title, List.of(poster), locale);
	}

	private ResponseEntity<byte[]> pdf(String title, List<Poster> pages, Locale locale) {
		return Downloads.attachment(title + ".pdf", MediaType.APPLICATION_PDF, document.pdf(pages, title, locale));
	}

	private static URI base(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUri();
	}

}
