package org.jijinan.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jijinan.shared.KeyMaterial;
import org.jijinan.shared.KeyRing;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 with the audit key derived from the current master key, which lives outside the database: whoever can
 * write to the database but does not hold the key cannot forge a record that verifies. Records written before a
 * rotation verify with the audit key of the master key then current, which the ring keeps after the master key
 * itself is retired.
 */
@Component
class ChainMac {

	static final String GENESIS = "0".repeat(64);

	private static final String PURPOSE = "audit-chain";

	private final KeyRing keys;

	/** The audit key of the current master key, derived once per rotation rather than for every record. */
	private volatile Derived current = new Derived(0, new byte[0]);

	ChainMac(KeyRing keys) {
		this.keys = keys;
	}

	/**
	 * @param text what to authenticate
	 * @return its MAC under the current key
	 */
	String of(String text) {
		return of(currentKey(), text);
	}

	private byte[] currentKey() {
		KeyMaterial ring = keys.keys();
		Derived derived = current;
		if (derived.number() != ring.current()) {
			derived = new Derived(ring.current(), ring.derive(PURPOSE, ring.current()));
			current = derived;
		}
		return derived.key();
	}

	private record Derived(int number, byte[] key) {
	}

	String head(String chain, long sequence, String lastMac) {
		return of(headText(chain, sequence, lastMac));
	}

	/**
	 * @return what a chain's head MAC covers: the platform chain's as it always was, any other's with its name
	 */
	static String headText(String chain, long sequence, String lastMac) {
		String head = "head\u001f" + sequence + "\u001f" + lastMac;
		return AuditEntry.PLATFORM.equals(chain) ? head : chain + "\u001e" + head;
	}

	/**
	 * @return the audit keys of every master key the ring knows, oldest first
	 */
	Verifier verifier() {
		return new Verifier(keys.history(PURPOSE));
	}

	static String of(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
		}
	}

	/**
	 * Checks records in chain order: each must verify under the key of the record before it or a later one, never an
	 * earlier one, so a leaked retired key cannot forge records written after its retirement.
	 */
	static final class Verifier {

		private final SortedMap<Integer, byte[]> keys;

		private int floor;

		Verifier(SortedMap<Integer, byte[]> keys) {
			this.keys = keys;
			this.floor = keys.isEmpty() ? 0 : keys.firstKey();
		}

		/**
		 * @param text what was authenticated
		 * @param mac its recorded MAC
		 * @return whether a key no older than the last one used verifies it (that key becomes the floor)
		 */
		boolean verifies(String text, String mac) {
			for (Map.Entry<Integer, byte[]> key : keys.tailMap(floor).entrySet()) {
				if (of(key.getValue(), text).equals(mac)) {
					floor = key.getKey();
					return true;
				}
			}
			return false;
		}

	}

}
