package org.jijinan.intake;

import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A help request as submitted at any channel.
 *
 * @param channel how it arrived
 * @param urgency how urgent the reporter says it is
 * @param reporterName who reports
 * @param reporterRelation their relation to the person concerned
 * @param reporterPhone how to reach the reporter
 * @param personId the registry person concerned, when known
 * @param subjectName the person's name, when not in the registry
 * @param subjectPhone the person's phone, when not in the registry
 * @param village the village where the person lives, when not a registry person
 * @param incidentVillage where it happened, if elsewhere (routes the request when the county routes by incident)
 * @param description what happened
 * @param causes hardship cause codes
 * @param callbackWanted the caller asked to be called back (hotline)
 * @param subjectIdNumber the person's ID number, when given instead of a registry person by someone who may register
 * persons: the request is then about whoever holds it, or about a person registered with it on receipt
 * @param language the language the applicant reads; Chinese when not given
 * @param urgentNeeds what makes it urgent, in the applicant's words; any of them makes the request an emergency
 */
public record NewHelpRequest(@NotNull Channel channel, @NotNull Urgency urgency, @Nullable @Size(max = 50) String reporterName,
		@NotNull ReporterRelation reporterRelation, @Nullable @Size(max = 20) String reporterPhone,
		@Nullable UUID personId, @Nullable @Size(max = 50) String subjectName, @Nullable @Size(max = 20) String subjectPhone,
		@Nullable @Size(max = 12) String village, @Nullable @Size(max = 12) String incidentVillage,
		@NotBlank @Size(max = 2000) String description,
		@Schema(description = "Hardship cause codes, as GET /api/v1/hardship-causes lists them") @NotEmpty @Size(
				max = 10) Set<@NotBlank String> causes, @Nullable Boolean callbackWanted,
		@Nullable @Size(max = 20) String subjectIdNumber, @Nullable ApplicantLanguage language,
		@Nullable @Size(max = 4) Set<UrgentNeed> urgentNeeds) {

	/**
	 * @return the same request, about the registry person given
	 */
	NewHelpRequest about(UUID person) {
		return new NewHelpRequest(channel, urgency, reporterName, reporterRelation, reporterPhone, person, subjectName,
				subjectPhone, village, incidentVillage, description, causes, callbackWanted, null, language, urgentNeeds);
	}

	/**
	 * @return how urgent the request is: an emergency when the applicant named an urgent need, else as given
	 */
	Urgency urgencyOwed() {
		return urgentNeeds != null && !urgentNeeds.isEmpty() ? Urgency.EMERGENCY : urgency;
	}

	/**
	 * @return the applicant's language, Chinese when not given
	 */
	ApplicantLanguage languageOrChinese() {
		return language == null ? ApplicantLanguage.CHINESE : language;
	}

	@Override
	public String toString() {
		return "NewHelpRequest[" + channel + ", " + urgency + "]";
	}

}
