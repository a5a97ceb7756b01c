package org.jijinan.charity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A published need as the board shows it: no name beyond the surname, no number, no address, no diagnosis. The case
 * number is shown only to the township's and county's staff.
 *
 * @param id the need
 * @param caseNumber the case (government staff only)
 * @param displayName surname + 某
 * @param township the township's code
 * @param townshipName its name
 * @param causes the hardship causes
 * @param groups the registry's categories the family belongs to (低保, 特困 …)
 * @param kinds the kinds of help needed ({@code CASH}, {@code GOODS}, {@code SERVICE}, {@code VOLUNTEER})
 * @param amount what remains to be met after government aid, yuan
 * @param summary the situation, de-identified
 * @param status {@code OPEN}, {@code CLAIMED}, {@code DELIVERED}, {@code CONFIRMED} or {@code WITHDRAWN}
 * @param publishedAt when
 */
public record NeedView(UUID id, @Nullable String caseNumber, String displayName, String township, String townshipName,
		List<String> causes, List<String> groups, List<String> kinds, BigDecimal amount, String summary, String status,
		Instant publishedAt) {
}
