package org.jijinan;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The platform run as its own process on a data folder, as in production, for the tests that stop or kill it and
 * start it again: each run logs to {@code platform-<port>.log} in the folder; closing stops what is still running
 * the way an operator would (and only then forcibly), so no embedded PostgreSQL is left behind.
 */
public final class PlatformProcesses implements AutoCloseable {

	private final List<Process> platforms = new ArrayList<>();

	private final Map<Process, Integer> managementPorts = new ConcurrentHashMap<>();

	/**
	 * A started platform serves a few requests and stops: compiling with the quick compiler only spares the machine's
	 * two cores (shared with the test that started it) the optimising compiler's work, and starts it sooner.
	 */
	private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

	/** The serial collector: no collector threads competing for the two cores over a small heap. */
	private static final String SMALL_HEAP_COLLECTOR = "-XX:+UseSerialGC";

	/**
	 * Starts the platform on the data folder.
	 */
	public Process start(Path data, int port, String... extra) throws IOException {
		int managementPort = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", QUICK_START, SMALL_HEAP_COLLECTOR, "-cp",
				System.getProperty("java.class.path"),
				JijinanApplication.class.getName(), "--server.port=" + port, "--jijinan.data-dir=" + data,
				"--jijinan.database.embedded.ephemeral=false", "--logging.level.root=WARN",
				"--management.server.port=" + managementPort));
		command.addAll(List.of(extra));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolve("platform-" + port + ".log").toFile())
			.start();
		platforms.add(process);
		managementPorts.put(process, managementPort);
		return process;
	}

	/**
	 * Starts the platform as the README's first command does: the packaged configuration only (none of the tests'
	 * overrides), nothing but the web port and the data folder given.
	 */
	public Process startAsShipped(Path data, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx384m", QUICK_START, SMALL_HEAP_COLLECTOR, "-cp",
				System.getProperty("java.class.path"),
				JijinanApplication.class.getName(), "--spring.config.location=classpath:/application.yaml",
				"--server.port=" + port, "--jijinan.data-dir=" + data)
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("platform-" + port + ".log").toFile())
			.start();
		platforms.add(process);
		return process;
	}

	/**
	 * Runs one of the platform's commands ({@code backup}, {@code restore}) on the data folder to its end.
	 * @return its exit status and what it printed
	 */
	public static Command command(Path data, String... arguments) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Without the quick compiler: the passphrase's key stretching is a hot loop the optimising compiler speeds up.
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", SMALL_HEAP_COLLECTOR, "-cp",
				System.getProperty("java.class.path"), JijinanApplication.class.getName()));
		command.addAll(List.of(arguments));
		command.add("--jijinan.data-dir=" + data);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new Command(process.exitValue(), output);
	}

	/**
	 * @param status the exit status
	 * @param output what the command printed
	 */
	public record Command(int status, String output) {
	}

	/**
	 * Waits until the platform reports itself ready to take traffic, failing at once when it exits. Answering on its
	 * port is not enough: the web server starts before the start-up work (demo villages, staff, reserves) is done.
	 */
	public void awaitReady(Process process) {
		URI readiness = URI.create("http://127.0.0.1:" + managementPorts.get(process) + "/actuator/health/readiness");
		HttpClient client = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.failFast("the platform exited; see its log in the data folder", () -> !process.isAlive())
			.ignoreExceptions()
			.until(() -> client.send(HttpRequest.newBuilder(readiness).build(),
					HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);
	}

	/**
	 * @return a port nothing listens on now
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		for (Process platform : platforms) {
			platform.destroy();
			if (!platform.waitFor(60, TimeUnit.SECONDS)) {
				platform.destroyForcibly();
			}
		}
	}

}
