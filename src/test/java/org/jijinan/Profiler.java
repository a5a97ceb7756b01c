package org.jijinan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import jdk.jfr.Recording;

/**
 * Records a benchmark's phase with the JDK's Flight Recorder when asked to: with {@code -Dbenchmark.profile=FOLDER}
 * the phase's work is recorded — execution samples every 10 ms, compilations, collections, threads' CPU — into
 * {@code FOLDER/<phase>.jfr} (read it with {@code jfr print --events jdk.ExecutionSample}); without it the phase just
 * runs. Only the phase is recorded, not the start-up, warm-up or baselines around it.
 */
public final class Profiler {

	private Profiler() {
	}

	public static <T> T during(String phase, Callable<T> work) throws Exception {
		String folder = System.getProperty("benchmark.profile");
		if (folder == null || folder.isBlank()) {
			return work.call();
		}
		try (Recording recording = new Recording()) {
			// Samples, the compiler and the collector only: the JDK's "profile" settings also record socket and file
			// reads, which on this JDK instruments the JDK's classes when the recording starts and so sends the
			// compiled code of every caller back to the compiler in the middle of the phase.
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
			recording.enable("jdk.Compilation").withThreshold(Duration.ofMillis(10));
			recording.enable("jdk.GarbageCollection");
			recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
			recording.setName(phase);
			recording.start();
			T result = work.call();
			recording.stop();
			recording.dump(Files.createDirectories(Path.of(folder)).resolve(phase + ".jfr"));
			return result;
		}
	}

}
