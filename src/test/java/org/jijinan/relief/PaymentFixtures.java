package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;

/**
 * Payments as the bank's side of them reaches the platform, for tests across modules.
 */
public final class PaymentFixtures {

	private PaymentFixtures() {
	}

	/**
	 * Imports a bank's result file ({@code order,result,bank_reference,reason}) for a batch.
	 */
	public static Page bankResults(Visitor payer, String batchId, String content) {
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"result.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return payer.send(HttpRequest.newBuilder(payer.uri("/api/v1/payment-batches/" + batchId + "/bank-results"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", payer.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

}
