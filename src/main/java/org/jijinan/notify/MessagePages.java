package org.jijinan.notify;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What was sent and what failed, for administrators; recipients are masked.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MessagePages {

	private final JdbcClient jdbc;

	MessagePages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/messages")
	String messages(Model model) {
		model.addAttribute("messages", jdbc.sql("""
				select recipient_masked, channel, body, status, attempts, created_at, sent_at, last_error
				  from notify_message order by created_at desc limit 200""")
			.query((row, number) -> new MessageRow(row.getString(1), row.getString(2), row.getString(3),
					row.getString(4), row.getInt(5), row.getTimestamp(6).toInstant(),
					row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getString(8)))
			.list());
		return "notify/messages";
	}

	record MessageRow(String recipient, String channel, String body, String status, int attempts, Instant createdAt,
			Instant sentAt, String lastError) {
	}

}
