package org.jijinan.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to the browser to save: its name (Chinese names encoded as RFC 5987 asks), its type, and no caching,
 * since exports and reports hold the county's figures or people's records.
 */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * @return the answer that downloads the content under the name
	 */
	public static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content);
	}

}
