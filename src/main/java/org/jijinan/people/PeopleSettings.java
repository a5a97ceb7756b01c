package org.jijinan.people;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what with personal data.
 *
 * @param revealRoles roles that may see a full ID or phone number, one audited reveal at a time
 * @param registerRoles roles that may register persons
 */
@ConfigurationProperties("jijinan.people")
record PeopleSettings(
		@DefaultValue({ "WINDOW_CLERK", "HOTLINE_OPERATOR", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
				"COUNTY_APPROVER" }) Set<String> revealRoles,
		@DefaultValue({ "VILLAGE_REPORTER", "WINDOW_CLERK", "HOTLINE_OPERATOR", "TOWNSHIP_REVIEWER",
				"TOWNSHIP_APPROVER", "COUNTY_REVIEWER", "COUNTY_APPROVER" }) Set<String> registerRoles) {
}
