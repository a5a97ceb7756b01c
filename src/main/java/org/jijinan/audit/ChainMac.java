package org.jijinan.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jijinan.shared.KeyRing;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 with the audit key derived from the master key, which lives outside the database: whoever can write
 * to the database but does not hold the key cannot forge a record that verifies.
 */
@Component
class ChainMac {

	static final String GENESIS = "0".repeat(64);

	private final SecretKeySpec key;

	ChainMac(KeyRing keys) {
		this.key = new SecretKeySpec(keys.derive("audit-chain"), "HmacSHA256");
	}

	String of(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	String head(long sequence, String lastMac) {
		return of("head\u001f" + sequence + "\u001f" + lastMac);
	}

}
