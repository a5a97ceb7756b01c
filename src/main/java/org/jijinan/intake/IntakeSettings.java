package org.jijinan.intake;

import java.net.URI;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits for accepting or refusing a request (policy defaults; counties set their own).
 *
 * @param emergencyAcceptHours hours for an emergency, on the clock
 * @param acceptWorkingDays working days for other requests
 * @param hotlineNumber the social-assistance hotline's number, shown on pages and receipts
 * @param hotlineHours when the hotline is staffed, as shown to callers
 * @param duplicateWindowDays how far back a request about the same person counts as a possible duplicate
 * @param attachmentDirectory where attachment files are kept (shared storage when several nodes run)
 * @param attachmentMaxBytes the largest attachment accepted
 * @param attachmentsPerRequest how many attachments a request may have
 * @param routing which township a request goes to: {@code RESIDENCE} (where the person lives, the default) or
 * {@code INCIDENT} (where it happened, when given — for people away from home)
 * @param publicCounty the county whose villages the public pages offer (its division code)
 * @param publicAddress the address the public reaches the platform at ({@code https://jjn.example.gov.cn}), printed on
 * the village posters and in their QR codes; without it, the address the poster was printed from
 * @param callBack when callers who asked to be called back (需要回电) must be called, and how often they are tried
 */
@ConfigurationProperties("jijinan.intake")
@Validated
record IntakeSettings(@DefaultValue("2") @Min(1) int emergencyAcceptHours, @DefaultValue("1") @Min(1) int acceptWorkingDays,
		@DefaultValue("12349") String hotlineNumber, @DefaultValue("每日 8:00–20:00") String hotlineHours,
		@DefaultValue("30") @Min(0) int duplicateWindowDays,
		@DefaultValue("./data/attachments") java.nio.file.Path attachmentDirectory,
		@DefaultValue("10485760") @Min(1) long attachmentMaxBytes, @DefaultValue("10") @Min(1) int attachmentsPerRequest,
		@DefaultValue("RESIDENCE") Routing routing, @DefaultValue("632521") String publicCounty,
		@Nullable URI publicAddress, @DefaultValue @Valid CallBackRules callBack) {

	IntakeSettings {
		if (publicAddress != null && (publicAddress.getHost() == null
				|| !"http".equals(publicAddress.getScheme()) && !"https".equals(publicAddress.getScheme()))) {
			throw new IllegalArgumentException("jijinan.intake.public-address must be an http or https address");
		}
	}

	/**
	 * What a request is routed by.
	 */
	enum Routing {

		/** 户籍或居住地. */
		RESIDENCE,
		/** 事发地. */
		INCIDENT

	}

	/**
	 * Call-backs (回电): an emergency's caller is called back within hours on the clock, anyone else by the end of the
	 * working day the request came in on — the next working day's when it came in after that time or on a day off.
	 *
	 * @param emergencyHours hours for an emergency ({@code jijinan.intake.call-back.emergency-hours})
	 * @param dayEndsAt when a working day ends, local time ({@code jijinan.intake.call-back.day-ends-at})
	 * @param attempts unanswered attempts after which a call-back is closed as not reached
	 * ({@code jijinan.intake.call-back.attempts})
	 */
	record CallBackRules(@DefaultValue("2") @Min(1) int emergencyHours, @DefaultValue("17:30") LocalTime dayEndsAt,
			@DefaultValue("3") @Min(1) int attempts) {
	}

}
