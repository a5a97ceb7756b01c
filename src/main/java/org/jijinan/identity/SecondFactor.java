package org.jijinan.identity;

import java.time.Clock;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.stereotype.Component;

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) with one step of clock drift either way. Returns the step a
 * code belongs to so that the account can refuse a code used before.
 */
@Component
class SecondFactor {

	static final int PERIOD_SECONDS = 30;

	private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	private final Clock clock;

	private final String issuer;

	SecondFactor(Clock clock, IdentitySettings settings) {
		this.clock = clock;
		this.issuer = settings.totpIssuer();
	}

	String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	long currentStep() {
		return clock.instant().getEpochSecond() / PERIOD_SECONDS;
	}

	/**
	 * @return the time step the code matches, or -1 if it matches none within the allowed drift
	 */
	long matchingStep(String secret, String code) {
		String digits = code == null ? "" : code.strip();
		if (!digits.matches("\\d{6}")) {
			return -1;
		}
		long now = currentStep();
		for (long step = now - 1; step <= now + 1; step++) {
			if (constantTimeEquals(codeAt(secret, step), digits)) {
				return step;
			}
		}
		return -1;
	}

	String codeAt(String secret, long step) {
		try {
			return generator.generate(secret, step);
		}
		catch (CodeGenerationException broken) {
			throw new IllegalStateException("TOTP code generation failed", broken);
		}
	}

	String qrDataUri(String secret, String username) {
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(PERIOD_SECONDS)
			.build();
		try {
			var qr = new ZxingPngQrGenerator();
			return Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType());
		}
		catch (QrGenerationException broken) {
			throw new IllegalStateException("QR code generation failed", broken);
		}
	}

	private static boolean constantTimeEquals(String a, String b) {
		return java.security.MessageDigest.isEqual(a.getBytes(), b.getBytes());
	}

}
