package org.jijinan.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who a bearer token names, kept for {@link IdentitySettings#tokenCacheBound()} so that an integration's every call
 * does not load its token, account and unit again. Never honoured past its bound, nor past the token's expiry, nor
 * after anything that could end or narrow a token on this node — a revocation, or any change to an account (roles,
 * password, a stop): each forgets everything kept, once when it happens and again when its transaction has committed,
 * so a call that read the state before the commit cannot keep it. Other nodes learn within the bound.
 */
@Component
class TokenPrincipals {

	/** More different tokens than this in one bound means someone is guessing; then nothing is kept. */
	private static final int MOST_KEPT = 10_000;

	private final AccessTokens tokens;

	private final IdentitySettings settings;

	private final Clock clock;

	private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

	/** Moves on whenever what is kept may be wrong; an entry from an earlier generation is never used. */
	private final AtomicLong generation = new AtomicLong();

	TokenPrincipals(AccessTokens tokens, IdentitySettings settings, Clock clock) {
		this.tokens = tokens;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param hash the presented token's hash
	 * @return whom the token authenticates, or {@code null} when it is not valid now
	 */
	@Nullable Authentication authenticate(String hash) {
		Instant now = clock.instant();
		long current = generation.get();
		Kept found = kept.get(hash);
		if (found != null && found.generation() == current && now.isBefore(found.until())) {
			return found.authentication();
		}
		AccessTokens.Presented presented = tokens.authenticate(hash);
		if (presented == null) {
			kept.remove(hash);
			return null;
		}
		if (!settings.tokenCacheBound().isZero() && kept.size() < MOST_KEPT) {
			Instant bound = now.plus(settings.tokenCacheBound());
			kept.put(hash, new Kept(presented.authentication(),
					bound.isBefore(presented.expiresAt()) ? bound : presented.expiresAt(), current));
		}
		return presented.authentication();
	}

	@EventListener
	void on(TokenRevoked revoked) {
		forget();
	}

	@EventListener
	void on(AccountEvent changed) {
		forget();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void afterCommit(TokenRevoked revoked) {
		forget();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void afterCommit(AccountEvent changed) {
		forget();
	}

	private void forget() {
		generation.incrementAndGet();
		kept.clear();
	}

	private record Kept(Authentication authentication, Instant until, long generation) {
	}

}
