package org.jijinan;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as shipped starts beside whatever else holds a port on the machine: its management endpoints take a
 * free port and the start-up log says which.
 */
class ShippedStartTests {

	private static final Pattern MANAGEMENT = Pattern.compile("Health and metrics: (http://127\\.0\\.0\\.1:\\d+/actuator/health)");

	/** The embedded database's start, logged by the thread that starts it while the context is being built. */
	private static final String STARTED_EARLY = "\\[ *database-start\\] o\\.jijinan\\.EmbeddedDatabaseConfiguration +: Embedded";

	private final PlatformProcesses platforms = new PlatformProcesses();

	@AfterEach
	void stop() throws InterruptedException {
		platforms.close();
	}

	@Test
	void startsWhileAnotherProgramHoldsTheOldManagementPortAndNamesItsOwn() throws Exception {
		Path data = Files.createTempDirectory("jijinan-shipped");
		int port = PlatformProcesses.freePort();
		try (ServerSocket squatter = occupy(8081)) {
			Process platform = platforms.startAsShipped(data, port);
			Path log = data.resolve("platform-" + port + ".log");
			await().atMost(Duration.ofSeconds(150))
				.pollInterval(Duration.ofMillis(500))
				.failFast("the platform exited; see " + log, () -> !platform.isAlive())
				.until(() -> MANAGEMENT.matcher(Files.readString(log, StandardCharsets.UTF_8)).find());

			Matcher named = MANAGEMENT.matcher(Files.readString(log, StandardCharsets.UTF_8));
			assertThat(named.find()).isTrue();
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(named.group(1))).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("UP");
			assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("platform ready")
				.as("the database started beside the application context, not after it")
				.containsPattern(STARTED_EARLY);
		}
	}

	/** Holds the port on the loopback address when it is free; when something holds it already, so much the better. */
	private static ServerSocket occupy(int port) throws java.io.IOException {
		ServerSocket socket = new ServerSocket();
		try {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (java.net.BindException taken) {
			// another program holds it already
		}
		return socket;
	}

}
