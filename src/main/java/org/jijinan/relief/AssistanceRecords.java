package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the modules that give help outside relief's own schemes (charities, departments): what they gave enters the
 * household's assistance chain, once per source, and the duplicate check sees it.
 */
@Service
public class AssistanceRecords {

	private final AssistanceChain chain;

	AssistanceRecords(AssistanceChain chain) {
		this.chain = chain;
	}

	/**
	 * Records help a household received, inside the caller's transaction.
	 */
	@Transactional
	public void record(Received received) {
		chain.record(new AssistanceChain.Grant(received.householdId(), received.personId(), received.subjectName(),
				received.townshipPath(), received.scheme(), received.cause(), received.sourceRef(), null,
				received.caseNumber(), Money.fen(received.amount()), Money.ZERO, received.goods(), received.by(),
				received.organisation(), received.at()));
	}

	/**
	 * Help a household received.
	 *
	 * @param scheme {@code CHARITY}, {@code DEPARTMENT} or a department's own scheme (such as {@code DISASTER_RELIEF})
	 * @param cause the hardship cause, when known
	 * @param sourceRef the giver's own reference, unique within the scheme
	 * @param householdId the household
	 * @param personId the person
	 * @param subjectName the person's name
	 * @param townshipPath the township's region path
	 * @param caseNumber the case
	 * @param amount cash or the goods' value
	 * @param goods goods
	 * @param by who gave it
	 * @param organisation the giving organisation
	 * @param at when
	 */
	public record Received(String scheme, @Nullable String cause, String sourceRef, @Nullable UUID householdId,
			@Nullable UUID personId, @Nullable String subjectName, String townshipPath, @Nullable String caseNumber,
			BigDecimal amount, @Nullable String goods, String by, String organisation, Instant at) {
	}

}
