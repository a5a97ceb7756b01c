package org.jijinan;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records a benchmark's phase with the JDK's Flight Recorder when asked to: with {@code -Dbenchmark.profile=FOLDER}
 * the phase's work is recorded with the JDK's {@code profile} settings into {@code FOLDER/<phase>.jfr} (read it with
 * {@code jfr print --events jdk.ExecutionSample}); without it the phase just runs. Only the phase is recorded, not the
 * start-up, warm-up or baselines around it.
 */
public final class Profiler {

	private Profiler() {
	}

	public static <T> T during(String phase, Callable<T> work) throws Exception {
		String folder = System.getProperty("benchmark.profile");
		if (folder == null || folder.isBlank()) {
			return work.call();
		}
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.setName(phase);
			recording.start();
			T result = work.call();
			recording.stop();
			recording.dump(Path.of(folder, phase + ".jfr"));
			return result;
		}
	}

}
