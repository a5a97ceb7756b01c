package org.jijinan;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read traffic to a PostgreSQL streaming replica: with {@code jijinan.database.replica.url} set, every read-only
 * transaction (dashboards, lists, roster feeds, public follow-up: the services' {@code @Transactional(readOnly =
 * true)}) takes its connection from a pool on the replica, and everything else from the primary, as before. Spring's
 * {@link LazyConnectionDataSourceProxy} makes the choice when a transaction's first statement runs, after it was
 * marked read-only. A read right after one's own write sees it when the replica is synchronous with
 * {@code synchronous_commit = remote_apply} on the primary (a commit returns once the replica has applied it); an
 * asynchronous replica may answer with what it had a moment before — fine for dashboards, not for a form's next page.
 * The replica's user and password default to the primary's ({@code spring.datasource.username}/{@code password}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("jijinan.database.replica.url")
class ReadReplicaRouting {

	private static final Logger log = LoggerFactory.getLogger(ReadReplicaRouting.class);

	@Bean
	static BeanPostProcessor readReplicaRoutingProcessor(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof HikariDataSource primary) || !"dataSource".equals(name)) {
					return bean;
				}
				var routing = new Routing(primary, replica(environment, primary));
				log.info("Read-only transactions go to the replica at {}",
						environment.getProperty("jijinan.database.replica.url"));
				return routing;
			}

		};
	}

	/**
	 * The routing data source, which closes both pools when the application stops. It unwraps to the primary's pool,
	 * so that whatever derives a data source of its own from the platform's (Flyway with the schema owner's user)
	 * derives it from the primary.
	 */
	static final class Routing extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource primary;

		private final HikariDataSource replica;

		Routing(HikariDataSource primary, HikariDataSource replica) {
			super(primary);
			this.primary = primary;
			this.replica = replica;
			setReadOnlyDataSource(replica);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
			return type.isInstance(primary) ? (T) primary : super.unwrap(type);
		}

		@Override
		public void close() {
			replica.close();
			primary.close();
		}

	}

	private static HikariDataSource replica(Environment environment, HikariDataSource primary) {
		var replica = new HikariDataSource();
		replica.setPoolName("replica");
		replica.setJdbcUrl(environment.getRequiredProperty("jijinan.database.replica.url"));
		replica.setUsername(environment.getProperty("jijinan.database.replica.username", primary.getUsername()));
		replica.setPassword(environment.getProperty("jijinan.database.replica.password", primary.getPassword()));
		replica.setMaximumPoolSize(primary.getMaximumPoolSize());
		replica.setReadOnly(true);
		return replica;
	}

}
