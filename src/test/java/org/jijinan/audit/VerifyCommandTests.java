package org.jijinan.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jijinan.JijinanApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the verification command as an operator would: a separate JVM without a web server, which prints the
 * outcome and exits with status 0 for an intact chain.
 */
class VerifyCommandTests {

	@Test
	void verifiesTheChainAndExitsWithStatusZero() throws IOException, InterruptedException {
		Path data = Files.createTempDirectory("jijinan-verify");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				JijinanApplication.class.getName(), "--spring.main.web-application-type=none",
				"--jijinan.audit.verify-and-exit=true", "--jijinan.data-dir=" + data,
				"--jijinan.database.embedded.ephemeral=true", "--logging.level.root=WARN",
				"--logging.level.org.jijinan.audit=INFO"))
			.redirectErrorStream(true)
			.start();

		boolean finished = process.waitFor(90, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(finished).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Audit chain intact");
	}

}
