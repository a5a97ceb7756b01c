package org.jijinan.audit;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain across key rotations: records verify under the key that was current when they were written, and
 * once a newer key has been used, an older one no longer verifies anything, so a leaked retired key cannot forge a
 * record written after its retirement.
 */
class ChainKeysTests {

	private static final byte[] FIRST = key(1);

	private static final byte[] SECOND = key(2);

	@Test
	void recordsVerifyUnderTheKeyOfTheirTimeAndNeverUnderAnOlderOneAfterANewerWasUsed() {
		var keys = new TreeMap<Integer, byte[]>();
		keys.put(1, FIRST);
		keys.put(2, SECOND);
		ChainMac.Verifier verifier = new ChainMac.Verifier(keys);

		assertThat(verifier.verifies("record 1", ChainMac.of(FIRST, "record 1"))).isTrue();
		assertThat(verifier.verifies("record 2", ChainMac.of(FIRST, "record 2"))).isTrue();
		assertThat(verifier.verifies("record 3", ChainMac.of(SECOND, "record 3"))).isTrue();
		assertThat(verifier.verifies("record 4", ChainMac.of(FIRST, "record 4")))
			.as("the first key after the second was used").isFalse();
		assertThat(verifier.verifies("record 4", ChainMac.of(SECOND, "record 4"))).isTrue();
		assertThat(verifier.verifies("record 5", ChainMac.of(key(3), "record 5"))).as("a key the ring never held")
			.isFalse();
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return key;
	}

}
