package org.jijinan.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every signed-in session of an account an administrator stops, on every node (the sessions live in the shared
 * database): the person's open pages answer with the sign-in page on their next request.
 */
@Component
class StoppedAccountSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	private final Accounts accounts;

	StoppedAccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
			Accounts accounts) {
		this.sessions = sessions;
		this.accounts = accounts;
	}

	@EventListener
	void on(AccountDisabled disabled) {
		accounts.findById(disabled.accountId())
			.ifPresent(account -> sessions.ifAvailable(store -> store.findByPrincipalName(account.username())
				.keySet()
				.forEach(store::deleteById)));
	}

}
