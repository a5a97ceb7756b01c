package org.jijinan.intake;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments: real pictures and documents are kept and served back to those who may see the request; disguised,
 * oversized or mislabelled files are refused and nothing is kept.
 */
@SystemTest
class AttachmentTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Visitor owner;

	Visitor stranger;

	String number;

	@BeforeEach
	void request() {
		var staff = StaffFixtures.from(context);
		owner = StaffFixtures.signedIn(port, staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		stranger = StaffFixtures.signedIn(port, staff.active(new org.jijinan.shared.DivisionCode("632521102"),
				UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		number = IntakeTests.numberOf(owner.json("POST", "/api/v1/help-requests",
				IntakeTests.request("NORMAL", "13909740031", "FIRE")));
	}

	@Test
	void keepsAPictureAndServesItOnlyToThoseWhoMaySeeTheRequest() {
		Page attached = upload(owner, "现场照片.png", PNG);

		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		assertThat(attached.body()).contains("\"contentType\":\"image/png\"").contains("\"size\":16");
		String id = attached.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		var bytes = owner.sendBytes(HttpRequest.newBuilder(owner.uri("/api/v1/help-requests/" + number + "/attachments/" + id)));
		assertThat(bytes).isEqualTo(PNG);
		assertThat(stranger.get("/api/v1/help-requests/" + number + "/attachments/" + id).status()).isEqualTo(403);
	}

	@Test
	void refusesDisguisedMislabelledAndOversizedFilesAndKeepsNothing() {
		long before = count();
		byte[] program = "MZ\u0090\u0000this is not a picture".getBytes(StandardCharsets.ISO_8859_1);
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, large, 0, PNG.length);

		assertThat(upload(owner, "photo.jpg", program).body()).contains("intake.attachment-type");
		assertThat(upload(owner, "photo.pdf", PNG).body()).contains("intake.attachment-type");
		assertThat(upload(owner, "photo.png", large).body()).contains("intake.attachment-too-large");
		assertThat(upload(stranger, "photo.png", PNG).status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return jdbc.sql("select count(*) from intake_attachment").query(Long.class).single();
	}

	private Page upload(Visitor visitor, String name, byte[] content) {
		String boundary = "----jijinan" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return visitor.send(HttpRequest.newBuilder(visitor.uri("/api/v1/help-requests/" + number + "/attachments"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", visitor.csrf())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}


}
