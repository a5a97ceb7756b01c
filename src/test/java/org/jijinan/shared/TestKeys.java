package org.jijinan.shared;

import java.nio.file.Path;

/**
 * A key ring and sealer on a key folder of their own, for tests and benchmarks outside the platform's context.
 */
public final class TestKeys {

	private TestKeys() {
	}

	/**
	 * @param folder a key folder; a first key is generated there when it holds none
	 * @return the ring
	 */
	public static KeyRing ring(Path folder) {
		return new KeyRing(new KeySettings(null, null, null, folder.resolve("master.key")),
				new DeploymentMode(false, true));
	}

	/**
	 * @return a sealer on that ring
	 */
	public static Sealer sealer(KeyRing ring) {
		return new Sealer(ring);
	}

}
