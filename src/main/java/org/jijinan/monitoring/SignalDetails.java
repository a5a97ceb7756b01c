package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals behind a warning. The township's and county's staff see which kinds, from whom and when; the figures
 * and the department's own words are shown one signal at a time to whoever asks, and each such view is audited. A
 * village reporter sees neither: the warning's one sentence is what a check needs.
 */
@Component
public class SignalDetails {

	/** Those who may see the signals behind a warning of their area. */
	static final Set<String> VIEWERS = Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER",
			"COUNTY_REVIEWER", "COUNTY_APPROVER", "SUPERVISOR");

	/** A warning's signals with their sources, in the order they arrived. */
	private static final String BEHIND = """

			  from monitoring_warning w
			  join monitoring_warning_signal ws on ws.warning_id = w.id
			  join monitoring_signal s on s.id = ws.signal_id
			  left join monitoring_source m on s.source = 'unit:' || m.unit_id
			 where w.number = :number
			 order by s.seq""";

	private final Warnings warnings;

	private final JdbcClient jdbc;

	private final Sealer sealer;

	private final ApplicationEventPublisher events;

	SignalDetails(Warnings warnings, JdbcClient jdbc, Sealer sealer, ApplicationEventPublisher events) {
		this.warnings = warnings;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.events = events;
	}

	/**
	 * @return the signals behind a warning in the order they arrived, or none for a viewer who may not see them
	 */
	@Transactional(readOnly = true)
	public List<SignalLine> behind(String number, Caller caller) {
		warnings.view(number, caller);
		if (!maySee(caller)) {
			return List.of();
		}
		return jdbc.sql("select s.kind, s.occurred_on, coalesce(m.unit_name, ''), s.source" + BEHIND)
			.param("number", number)
			.query((row, n) -> new SignalLine(n + 1, SignalKind.valueOf(row.getString(1)),
					row.getObject(2, LocalDate.class), source(row.getString(3), row.getString(4))))
			.list();
	}

	/**
	 * Shows one signal's figures and the department's words, and records who looked.
	 *
	 * @param position the signal's place in {@link #behind}, from 1
	 */
	@Transactional
	public SignalDetail reveal(String number, int position, Caller caller) {
		warnings.view(number, caller);
		if (!maySee(caller)) {
			throw new Forbidden("monitoring.signal-detail-not-allowed");
		}
		SignalDetail detail = jdbc.sql("select s.kind, s.occurred_on, coalesce(m.unit_name, ''), s.source, s.amount,"
				+ " s.year_total, s.category, s.detail_sealed" + BEHIND + " offset :skip limit 1")
			.param("number", number)
			.param("skip", Math.max(0, position - 1))
			.query((row, n) -> new SignalDetail(position, SignalKind.valueOf(row.getString(1)),
					row.getObject(2, LocalDate.class), source(row.getString(3), row.getString(4)),
					row.getBigDecimal(5), row.getBigDecimal(6), row.getString(7),
					row.getString(8) == null ? null : sealer.open(row.getString(8), Signals.DETAIL)))
			.optional()
			.filter(found -> position >= 1)
			.orElseThrow(() -> new NotFound("monitoring.signal-not-found", String.valueOf(position)));
		events.publishEvent(new SignalViewed(number, position, detail.kind()));
		return detail;
	}

	private static boolean maySee(Caller caller) {
		return caller.roles().stream().anyMatch(VIEWERS::contains);
	}

	private static @Nullable String source(String unitName, String source) {
		return Signals.PLATFORM.equals(source) ? null : unitName;
	}

	/**
	 * A signal behind a warning, as the township's staff see it in the list.
	 *
	 * @param position its place, from 1, in the order of arrival
	 * @param kind what happened
	 * @param occurredOn when
	 * @param source the department that sent it; none for what the platform itself saw
	 */
	public record SignalLine(int position, SignalKind kind, LocalDate occurredOn, @Nullable String source) {
	}

	/**
	 * A signal's figures and words, shown on request and audited.
	 *
	 * @param position its place among the warning's signals
	 * @param kind what happened
	 * @param occurredOn when
	 * @param source who sent it; none for the platform
	 * @param amount the kind's figure
	 * @param yearTotal for medical spending, the year's own share so far
	 * @param category for an ended standing, its category
	 * @param detail the department's own words
	 */
	public record SignalDetail(int position, SignalKind kind, LocalDate occurredOn, @Nullable String source,
			@Nullable BigDecimal amount, @Nullable BigDecimal yearTotal, @Nullable String category,
			@Nullable String detail) {

		@Override
		public String toString() {
			return "SignalDetail[" + position + ", " + kind + "]";
		}

	}

	/**
	 * Someone looked at the figures and words of a signal behind a warning.
	 *
	 * @param number the warning
	 * @param position which of its signals
	 * @param kind the signal's kind
	 */
	record SignalViewed(String number, int position, SignalKind kind) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "monitoring.signal-viewed";
		}

		@Override
		public String auditSubjectType() {
			return "warning";
		}

		@Override
		public String auditSubjectId() {
			return number;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("signal", String.valueOf(position), "kind", kind.name());
		}

	}

}
