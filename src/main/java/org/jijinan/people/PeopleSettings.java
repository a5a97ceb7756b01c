package org.jijinan.people;

import java.nio.file.Path;
import java.util.Set;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what with personal data.
 *
 * @param revealRoles roles that may see a full ID or phone number, one audited reveal at a time
 * @param registerRoles roles that may register persons
 * @param importRoles roles that may import rosters (the township and county desks; a village reporter registers the
 * one person he found, he does not load a township's roster)
 * @param importDirectory where uploaded rosters are kept while they are imported (shared storage when several
 * application nodes run)
 * @param importBatchSize rows stored per transaction
 * @param importMaxRows the most rows a roster file may have, header included (a sheet filled to Excel's limit of
 * 1,048,576 rows is refused)
 */
@ConfigurationProperties("jijinan.people")
@org.springframework.validation.annotation.Validated
record PeopleSettings(
		@DefaultValue({ "WINDOW_CLERK", "HOTLINE_OPERATOR", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
				"COUNTY_APPROVER" }) Set<String> revealRoles,
		@DefaultValue({ "VILLAGE_REPORTER", "WINDOW_CLERK", "HOTLINE_OPERATOR", "TOWNSHIP_REVIEWER",
				"TOWNSHIP_APPROVER", "COUNTY_REVIEWER", "COUNTY_APPROVER" }) Set<String> registerRoles,
		@DefaultValue({ "WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
				"COUNTY_APPROVER" }) Set<String> importRoles,
		@DefaultValue("./data/imports") Path importDirectory, @DefaultValue("5000") @Min(1) int importBatchSize,
		@DefaultValue("1048000") @Min(2) int importMaxRows) {
}
