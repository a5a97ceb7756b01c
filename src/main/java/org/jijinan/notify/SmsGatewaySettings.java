package org.jijinan.notify;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP SMS gateway, when the county has one. Without {@code url} messages stay in the in-app inbox and the log.
 *
 * @param url where each message is posted as JSON {@code {"to", "text", "reference"}}
 * @param token sent as {@code Authorization: Bearer …} when set
 * @param signature put in front of every text, as Chinese SMS rules require (e.g. {@code 【共和县民政局】})
 * @param timeout how long one call may take before it counts as failed and is tried again later
 */
@ConfigurationProperties("jijinan.notify.sms-gateway")
record SmsGatewaySettings(@Nullable URI url, @Nullable String token, @DefaultValue("") String signature,
		@DefaultValue("PT5S") Duration timeout) {
}
