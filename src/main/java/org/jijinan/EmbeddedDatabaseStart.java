package org.jijinan;

import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL while Spring is still reading the application's configuration, instead of when the
 * first bean asks for the database: the server's start (under a second on a restart, two more with {@code initdb} on
 * a first start) then overlaps the seconds the context takes to get there. {@link JijinanApplication#main} adds it;
 * where it is absent (tests that build the context themselves) or its start failed, the
 * {@link EmbeddedDatabaseConfiguration configuration} starts the server itself, where a failure stops the platform
 * with its message (another platform on the data folder, a port taken …).
 */
final class EmbeddedDatabaseStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStart.class);

	private @Nullable CompletableFuture<@Nullable Started> starting;

	private boolean lockTaken;

	private boolean serverTaken;

	/**
	 * @param lock the data folder's lock, taken before the server started
	 * @param postgres the running server
	 */
	record Started(DataFolderLock lock, EmbeddedPostgres postgres) {
	}

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			begin(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationContextInitializedEvent initialized && starting != null) {
			initialized.getApplicationContext()
				.getBeanFactory()
				.registerSingleton(EmbeddedDatabaseStart.class.getName(), this);
		}
		else if (event instanceof ApplicationFailedEvent) {
			abandon();
		}
	}

	/** After the logging system is set up (it listens to the same event). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private void begin(Environment environment) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		PlatformSettings settings;
		try {
			settings = Binder.get(environment).bindOrCreate("jijinan", PlatformSettings.class);
		}
		catch (RuntimeException unreadable) {
			return; // the configuration properties report it when the context binds them
		}
		starting = CompletableFuture.supplyAsync(() -> start(settings), task -> {
			Thread thread = new Thread(task, "database-start");
			thread.setDaemon(true);
			thread.start();
		});
	}

	private static @Nullable Started start(PlatformSettings settings) {
		DataFolderLock lock = null;
		try {
			lock = EmbeddedDatabaseConfiguration.lock(settings);
			return new Started(lock, EmbeddedDatabaseConfiguration.start(settings));
		}
		catch (Exception failed) {
			log.debug("The early start of the embedded PostgreSQL failed; the configuration starts it", failed);
			close(lock);
			return null;
		}
	}

	/**
	 * @return the data folder's lock the early start took, or {@code null} when there was none
	 */
	static @Nullable DataFolderLock lock(ObjectProvider<EmbeddedDatabaseStart> early) {
		EmbeddedDatabaseStart start = early.getIfAvailable();
		Started started = start == null ? null : start.outcome();
		if (started == null) {
			return null;
		}
		start.lockTaken = true;
		return started.lock();
	}

	/**
	 * @return the server the early start started, or {@code null} when there was none
	 */
	static @Nullable EmbeddedPostgres server(ObjectProvider<EmbeddedDatabaseStart> early) {
		EmbeddedDatabaseStart start = early.getIfAvailable();
		Started started = start == null ? null : start.outcome();
		if (started == null) {
			return null;
		}
		start.serverTaken = true;
		return started.postgres();
	}

	private @Nullable Started outcome() {
		return starting == null ? null : starting.join();
	}

	/** A platform that fails before its beans took the server and the lock stops the one and releases the other. */
	private void abandon() {
		if (starting == null) {
			return;
		}
		Started started = starting.join();
		if (started == null) {
			return;
		}
		if (!serverTaken) {
			close(started.postgres());
		}
		if (!lockTaken) {
			close(started.lock());
		}
	}

	private static void close(@Nullable AutoCloseable resource) {
		if (resource == null) {
			return;
		}
		try {
			resource.close();
		}
		catch (Exception failed) {
			log.warn("Could not close {} after a failed start", resource, failed);
		}
	}

}
