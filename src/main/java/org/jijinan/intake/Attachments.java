package org.jijinan.intake;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DocumentFiles;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and documents of a request. Only JPEG, PNG and PDF are taken, recognised by their first bytes, and the
 * name's extension must agree (a renamed program is refused); size and count are limited. Files are kept in the
 * attachment folder under a random name and served back only to those who may see the request.
 */
@Service
public class Attachments {

	private final JdbcClient jdbc;

	private final IntakeDesk desk;

	private final IntakeSettings settings;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	Attachments(JdbcClient jdbc, IntakeDesk desk, IntakeSettings settings, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return the stored attachment
	 */
	@Transactional
	public AttachmentView attach(String number, String fileName, InputStream content, Caller caller) {
		desk.find(number, caller);
		UUID requestId = jdbc.sql("select id from intake_help_request where number = :n for update")
			.param("n", number)
			.query(UUID.class)
			.single();
		long count = jdbc.sql("select count(*) from intake_attachment where request_id = :r")
			.param("r", requestId)
			.query(Long.class)
			.single();
		if (count >= settings.attachmentsPerRequest()) {
			throw new RuleViolation("intake.too-many-attachments", settings.attachmentsPerRequest());
		}
		UUID id = UUID.randomUUID();
		DocumentFiles.Kept kept = DocumentFiles.keep(settings.attachmentDirectory(), id, fileName, content,
				settings.attachmentMaxBytes(), DocumentFiles.PICTURES_AND_PDF, "intake.attachment");
		String type = kept.contentType();
		String name = kept.fileName();
		jdbc.sql("""
				insert into intake_attachment (id, request_id, file_name, content_type, size_bytes, sha256, uploaded_by,
				                               uploaded_at)
				values (:id, :request, :name, :type, :size, :sha, :by, :now)""")
			.param("id", id)
			.param("request", requestId)
			.param("name", name)
			.param("type", type)
			.param("size", kept.size())
			.param("sha", kept.sha256())
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new AttachmentAdded(number, id, type, kept.size()));
		return new AttachmentView(id, name, type, kept.size());
	}

	/**
	 * @return the request's attachments in the order they were added, after checking that the caller may see it
	 */
	@Transactional(readOnly = true)
	public List<AttachmentView> list(String number, Caller caller) {
		desk.find(number, caller);
		return jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.size_bytes from intake_attachment a
				  join intake_help_request r on r.id = a.request_id
				 where r.number = :number order by a.uploaded_at, a.id""")
			.param("number", number)
			.query((row, n) -> new AttachmentView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getLong(4)))
			.list();
	}

	/**
	 * Writes an attachment's content, after checking that the caller may see its request.
	 * @return what it is, for the response headers
	 */
	@Transactional(readOnly = true)
	public AttachmentView read(String number, UUID id, Caller caller, OutputStream out) {
		desk.find(number, caller);
		AttachmentView view = jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.size_bytes from intake_attachment a
				  join intake_help_request r on r.id = a.request_id
				 where a.id = :id and r.number = :number""")
			.param("id", id)
			.param("number", number)
			.query((row, n) -> new AttachmentView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getLong(4)))
			.optional()
			.orElseThrow(() -> new NotFound("intake.attachment-not-found"));
		DocumentFiles.copy(settings.attachmentDirectory(), id, out);
		return view;
	}

	/**
	 * An attachment as the API shows it.
	 *
	 * @param id the attachment
	 * @param fileName the name it was uploaded with
	 * @param contentType what it is, recognised from its content
	 * @param size its size in bytes
	 */
	public record AttachmentView(UUID id, String fileName, String contentType, long size) {
	}

	/**
	 * A file was attached to a request.
	 *
	 * @param number the request
	 * @param attachmentId the attachment
	 * @param contentType what it is
	 * @param size its size
	 */
	public record AttachmentAdded(String number, UUID attachmentId, String contentType, long size)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "intake.attachment-added";
		}

		@Override
		public String auditSubjectType() {
			return "help-request";
		}

		@Override
		public String auditSubjectId() {
			return number;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("attachment", attachmentId.toString(), "type", contentType, "size", String.valueOf(size));
		}

	}

}
