package org.jijinan.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Signed-in sessions, kept by Spring Session in the shared database so that any node serves any request, with the
 * time of each one's last use written at most once a minute. Spring Session rewrites a session's row on every request
 * to record when it was last used — its expiry time is indexed, so never as a HOT update — which for a page or an API
 * call is a write and a commit beside its own work. Written once a minute, a session left idle for the timeout ends
 * up to a minute early, never late.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/** How stale the stored time of a session's last use may be. */
	static final Duration RESOLUTION = Duration.ofMinutes(1);

	/**
	 * Wraps the repository Spring Boot configures (its table, timeout, clean-up and database customisation kept as
	 * they are), so that the session filter and every other user of it get the wrapped one.
	 */
	@Bean
	static BeanPostProcessor sessionsWrittenOnceAMinute() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository database ? new Sessions(database) : bean;
			}
		};
	}

	/**
	 * The database's sessions, each handed out wrapped so that only a last use a minute or more after the stored one
	 * changes it.
	 */
	static final class Sessions implements FindByIndexNameSessionRepository<UsedSession>, DisposableBean {

		private final FindByIndexNameSessionRepository<Session> stored;

		@SuppressWarnings("unchecked")
		Sessions(FindByIndexNameSessionRepository<? extends Session> stored) {
			this.stored = (FindByIndexNameSessionRepository<Session>) stored;
		}

		/** Stops the database repository's clean-up, which the container now closes through this. */
		@Override
		public void destroy() throws Exception {
			if (stored instanceof DisposableBean closing) {
				closing.destroy();
			}
		}

		@Override
		public UsedSession createSession() {
			return new UsedSession(stored.createSession());
		}

		@Override
		public void save(UsedSession session) {
			stored.save(session.stored);
		}

		@Override
		public @Nullable UsedSession findById(String id) {
			Session found = stored.findById(id);
			return found == null ? null : new UsedSession(found);
		}

		@Override
		public void deleteById(String id) {
			stored.deleteById(id);
		}

		@Override
		public Map<String, UsedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, UsedSession> found = new HashMap<>();
			stored.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new UsedSession(session)));
			return found;
		}

	}

	/**
	 * A stored session whose last use is passed on only when it is {@link #RESOLUTION} or more after the stored one:
	 * a session unchanged otherwise is then not written at all.
	 */
	static final class UsedSession implements Session {

		private final Session stored;

		UsedSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant used) {
			if (Duration.between(stored.getLastAccessedTime(), used).compareTo(RESOLUTION) >= 0) {
				stored.setLastAccessedTime(used);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

	}

}
