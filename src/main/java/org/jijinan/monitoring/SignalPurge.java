package org.jijinan.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.jijinan.shared.AuditableEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes signals older than the county's retention period (PIPL art. 19: kept no longer than the purpose needs).
 * Warnings stay, with their reason sentence, as the record of what was checked; only their links to the purged
 * signals go. Safe on several nodes: each batch deletes what is still there.
 */
@Component
class SignalPurge {

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final MonitoringSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignalPurge(JdbcClient jdbc, MonitoringSettings settings, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${jijinan.monitoring.purge-interval:PT6H}",
			initialDelayString = "${jijinan.monitoring.purge-interval:PT6H}")
	void scheduled() {
		purge();
	}

	/**
	 * @return how many signals were deleted
	 */
	long purge() {
		LocalDate before = LocalDate.now(clock.withZone(Warnings.COUNTY_ZONE)).minusMonths(settings.retentionMonths());
		long purged = 0;
		while (true) {
			Integer deleted = transactions.execute(status -> {
				jdbc.sql("""
						delete from monitoring_warning_signal where signal_id in (
						  select id from monitoring_signal where occurred_on < :before order by occurred_on limit :batch)""")
					.param("before", before)
					.param("batch", BATCH)
					.update();
				return jdbc.sql("""
						delete from monitoring_signal where id in (
						  select id from monitoring_signal where occurred_on < :before order by occurred_on limit :batch)""")
					.param("before", before)
					.param("batch", BATCH)
					.update();
			});
			purged += deleted == null ? 0 : deleted;
			if (deleted == null || deleted < BATCH) {
				break;
			}
		}
		if (purged > 0) {
			long count = purged;
			transactions.executeWithoutResult(status -> events.publishEvent(new SignalsPurged(count, before)));
		}
		return purged;
	}

	record SignalsPurged(long count, LocalDate before) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "monitoring.signals-purged";
		}

		@Override
		public String auditSubjectType() {
			return "signal";
		}

		@Override
		public String auditSubjectId() {
			return "before-" + before;
		}

		@Override
		public String auditActor() {
			return "system";
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("count", Long.toString(count));
		}

	}

}
