package org.jijinan.complaints;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The county's clocks for complaints and the limits of the public channel.
 *
 * @param acknowledgeWorkingDays from receipt to the handler's acknowledgement
 * @param answerWorkingDays from receipt (or escalation) to the answer
 * @param extensionWorkingDays how much later the answer may come after the one extension a complaint allows
 * @param perAddressPerHour complaints one client address may send from the public pages in an hour
 * @param perPhonePerHour complaints one phone number may send from the public pages in an hour
 */
@ConfigurationProperties("jijinan.complaints")
@Validated
public record ComplaintsSettings(@DefaultValue("1") @Min(1) int acknowledgeWorkingDays,
		@DefaultValue("15") @Min(1) int answerWorkingDays, @DefaultValue("15") @Min(1) int extensionWorkingDays,
		@DefaultValue("10") @Min(1) int perAddressPerHour, @DefaultValue("3") @Min(1) int perPhonePerHour) {
}
