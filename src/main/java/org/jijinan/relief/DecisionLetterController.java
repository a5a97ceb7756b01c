package org.jijinan.relief;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The decision letter as a PDF over the API (the relief page's 打印决定书 link serves the same); each download is a
 * read of the applicant's personal data and audited as one.
 */
@RestController
class DecisionLetterController {

	private final DecisionDesk decisions;

	private final DecisionLetter letter;

	private final IntakeDesk intake;

	DecisionLetterController(DecisionDesk decisions, DecisionLetter letter, IntakeDesk intake) {
		this.decisions = decisions;
		this.letter = letter;
		this.intake = intake;
	}

	@Operation(summary = "Download a decision letter (决定书) as PDF",
			description = "Staff of the decision's area, once it is approved or refused: the decision, its reasons and "
					+ "legal basis, and the remedies (administrative review within 60 days, lawsuit within 6 months, "
					+ "the hotline), in Chinese and Tibetan. Problems: 403 `relief.out-of-scope`, 404 "
					+ "`relief.decision-not-found`, 409 `relief.letter-not-decided`.")
	@GetMapping("/api/v1/decisions/{id}/letter")
	@PersonalDataRead(subject = "relief-decision")
	ResponseEntity<byte[]> api(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return pdf(id, caller);
	}

	/**
	 * @return the letter as a PDF response, for the API and for the relief page's link
	 */
	ResponseEntity<byte[]> pdf(UUID id, Caller caller) {
		DecisionView decision = decisions.find(id, caller);
		String cause = ReliefPages.causeNames(intake).getOrDefault(decision.cause(), decision.cause());
		byte[] pdf = letter.pdf(decision, cause);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("决定书-" + decision.caseNumber() + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

}
