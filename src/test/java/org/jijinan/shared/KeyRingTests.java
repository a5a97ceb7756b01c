package org.jijinan.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key ring of an embedded installation, on its own key folder: rotation adds a key that seals from then on,
 * values sealed before open until their key is retired, retirement removes the key file and keeps only what audit
 * records and look-up hashes need, and a ring read again from the folder behaves the same.
 */
class KeyRingTests {

	private static final DeploymentMode EMBEDDED = new DeploymentMode(false, true);

	@TempDir
	Path data;

	private KeyRing ring() {
		return new KeyRing(new KeySettings(null, null, null, data.resolve("keys/master.key")), EMBEDDED);
	}

	@Test
	void aRotatedKeySealsNewValuesWhileOlderOnesStillOpenAndLookUpHashesDoNotChange() {
		KeyRing keys = ring();
		Sealer sealer = new Sealer(keys);
		String before = sealer.seal("632521195803120016", "people.id-number");
		String hash = sealer.lookupHash("632521195803120016", "people.id-number");
		assertThat(before).startsWith("v1:");

		assertThat(keys.rotate()).isEqualTo(2);
		String after = sealer.seal("632521195803120016", "people.id-number");

		assertThat(after).startsWith("v2:");
		assertThat(before).as("not sealed with the current key").doesNotStartWith(Sealer.prefix(keys.current()));
		assertThat(after).as("sealed with the current key").startsWith(Sealer.prefix(keys.current()));
		assertThat(sealer.open(before, "people.id-number")).isEqualTo("632521195803120016");
		assertThat(sealer.open(after, "people.id-number")).isEqualTo("632521195803120016");
		assertThat(sealer.reseal(before, "people.id-number")).startsWith("v2:");
		assertThat(sealer.lookupHash("632521195803120016", "people.id-number")).isEqualTo(hash);
		assertThat(keys.derive("audit-chain")).isNotEqualTo(keys.history("audit-chain").get(1));
	}

	@Test
	void aRetiredKeyNoLongerOpensAnythingYetItsAuditAndLookUpKeysRemainFromTheFolderAlone() throws IOException {
		KeyRing keys = ring();
		Sealer sealer = new Sealer(keys);
		String old = sealer.seal("13909740202", "people.phone");
		byte[] oldAudit = keys.derive("audit-chain");
		String hash = sealer.lookupHash("13909740202", "people.phone");
		byte[] bankFile = keys.standing("relief.bank-file");
		keys.rotate();
		String resealed = sealer.reseal(old, "people.phone");

		keys.retire(1);

		assertThat(Files.exists(data.resolve("keys/master.key"))).as("the retired key's file is gone").isFalse();
		assertThat(names(data.resolve("keys"))).containsExactlyInAnyOrder("master-2.key", "retired-1.key");
		assertThatThrownBy(() -> sealer.open(old, "people.phone")).isInstanceOf(IllegalStateException.class);
		KeyRing reread = ring();
		Sealer fresh = new Sealer(reread);
		assertThat(fresh.open(resealed, "people.phone")).isEqualTo("13909740202");
		assertThatThrownBy(() -> fresh.open(old, "people.phone")).isInstanceOf(IllegalStateException.class);
		assertThat(fresh.lookupHash("13909740202", "people.phone")).isEqualTo(hash);
		assertThat(reread.history("audit-chain").get(1)).isEqualTo(oldAudit);
		assertThat(reread.standing("relief.bank-file")).isEqualTo(bankFile);
		assertThat(reread.current()).isEqualTo(2);
		assertThat(reread.keys().masters().keySet()).containsExactly(2);
		assertThatThrownBy(() -> reread.keys().derive("field-encryption", 1)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no longer holds key 1");
	}

	@Test
	void theCurrentKeyCannotBeRetiredNorKeysFromTheEnvironmentRotated() {
		KeyRing keys = ring();
		assertThatThrownBy(() -> keys.retire(1)).isInstanceOf(IllegalStateException.class);
		String master = Base64.getEncoder().encodeToString(new byte[32]);
		KeyRing configured = new KeyRing(new KeySettings(master, null, null, data.resolve("keys/master.key")),
				new DeploymentMode(false, false));
		assertThat(configured.rotatable()).isFalse();
		assertThatThrownBy(configured::rotate).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("rotated in the environment");
	}

	@Test
	void theRingTravelsWholeThroughItsPortableFormAndTheEnvironmentsSettings() {
		KeyRing keys = ring();
		keys.rotate();
		keys.rotate();
		keys.retire(1);
		KeyMaterial ring = keys.keys();

		KeyMaterial parsed = KeyMaterial.parse(ring.portable());
		var properties = ring.properties();
		KeyMaterial configured = KeyMaterial.fromSettings(properties.get("jijinan.keys.master"),
				properties.get("jijinan.keys.ring"), properties.get("jijinan.keys.retired"));

		assertThat(parsed.portable()).isEqualTo(ring.portable());
		assertThat(configured.portable()).isEqualTo(ring.portable());
		assertThat(properties).doesNotContainKey("jijinan.keys.master").containsKeys("jijinan.keys.ring",
				"jijinan.keys.retired");
		assertThat(parsed.current()).isEqualTo(3);
		assertThat(parsed.derive("audit-chain", 1)).isEqualTo(ring.derive("audit-chain", 1));
	}

	@Test
	void aBackupFromBeforeKeysWereNumberedHoldsTheFirstKey() {
		byte[] single = new byte[32];
		single[0] = 7;
		KeyMaterial ring = KeyMaterial.parse(single);
		assertThat(ring.current()).isEqualTo(1);
		assertThat(ring.masters().get(1)).isEqualTo(single);
	}

	@Test
	void malformedKeysAreRefusedWithAReason() {
		assertThatThrownBy(() -> KeyMaterial.parse("master 1 AAAA\n".getBytes()))
			.hasMessageContaining("Base64 of 32 bytes");
		assertThatThrownBy(() -> KeyMaterial.parse("something else\n".getBytes())).hasMessageContaining("Not a key ring");
		assertThatThrownBy(() -> KeyMaterial.fromSettings(null, "x:AAAA", null)).hasMessageContaining("key number");
		assertThatThrownBy(() -> KeyMaterial.fromSettings(null, null, "1-audit")).hasMessageContaining("look like");
		assertThatThrownBy(() -> KeyMaterial.fromSettings(null, null, null)).hasMessageContaining("no master key");
		Sealer sealer = new Sealer(ring());
		for (String broken : List.of("v9:AAAA", "vx:AAAA", "AAAA", "v1:%%%", "v1:")) {
			assertThatThrownBy(() -> sealer.open(broken, "people.phone")).isInstanceOf(IllegalStateException.class);
		}
	}

	/**
	 * Whatever a column holds, opening it either gives the value or says it cannot be opened: a value shorter than the
	 * nonce and tag once escaped as the cipher provider's own exception, which no caller expected.
	 */
	@Test
	void everyBrokenValueIsRefusedTheSameWayAndTheSealerStillOpensAfterIt() {
		Sealer sealer = new Sealer(ring());
		String good = sealer.seal("13909748888", "notify.recipient-phone");
		String prefix = good.substring(0, good.indexOf(':') + 1);
		byte[] raw = java.util.Base64.getDecoder().decode(good.substring(prefix.length()));
		for (int length = 0; length < raw.length; length++) {
			String cut = prefix + java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, length));
			assertThatThrownBy(() -> sealer.open(cut, "notify.recipient-phone")).as("%d bytes", length)
				.isInstanceOf(IllegalStateException.class);
		}
		raw[raw.length - 1] ^= 1;
		String tampered = prefix + java.util.Base64.getEncoder().encodeToString(raw);
		assertThatThrownBy(() -> sealer.open(tampered, "notify.recipient-phone"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> sealer.open("v1:bm90IGEgc2VhbGVkIHZhbHVl", "notify.recipient-phone"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(sealer.open(good, "notify.recipient-phone")).isEqualTo("13909748888");
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).toList();
		}
	}

}
