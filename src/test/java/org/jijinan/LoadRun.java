package org.jijinan;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Drives an API benchmark's load: a number of clients call either closed-loop (each as soon as its last answer came:
 * the peak rate) or open-loop at a target rate shared among them (each call's latency counted from when it was due,
 * so a queue that builds up shows); and, for the baseline, plain JDBC clients making the same writes in a transaction
 * each.
 */
public final class LoadRun {

	/**
	 * How long a benchmark runs each way of calling at least before measuring ({@code -Dbenchmark.warm-up}, seconds):
	 * on two cores the JIT compiler is still compiling the request's code after a few seconds.
	 */
	public static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warm-up", 15);

	/** The longest a warm-up goes on waiting for the JIT compiler to settle, in seconds. */
	private static final int WARM_UP_AT_MOST_SECONDS = 180;

	/** A warm-up round's length, in seconds. */
	private static final int WARM_UP_ROUND_SECONDS = 5;

	/**
	 * The share of a warm-up round the JIT compiler may still spend compiling for the JVM to count as warm: a server
	 * that has run for hours compiles next to nothing, and a benchmark measured while the compiler takes a core of
	 * two measures the compiler.
	 */
	private static final double SETTLED_COMPILING_SHARE = 0.05;

	private LoadRun() {
	}

	/**
	 * One call of the API, which throws when the answer is not the expected one.
	 */
	@FunctionalInterface
	public interface Call {

		void call(int client) throws Exception;

	}

	/**
	 * The writes of one call, made by hand on a connection; committed after each.
	 */
	@FunctionalInterface
	public interface Writes {

		void write(Connection connection) throws Exception;

	}

	/**
	 * @param rate calls per second
	 * @param p50 median latency in milliseconds
	 * @param p99 99th percentile latency in milliseconds
	 */
	public record Result(double rate, double p50, double p99) {
	}

	/**
	 * @param targetRate calls per second for all clients together, or 0 for as fast as they are answered
	 */
	public static Result run(int clients, int seconds, double targetRate, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong next = new AtomicLong(start);
		long interval = targetRate > 0 ? (long) (1e9 / targetRate) : 0;
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			futures.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					long scheduled = interval == 0 ? System.nanoTime() : next.getAndAdd(interval);
					long wait = scheduled - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					call.call(client);
					latencies.add(System.nanoTime() - scheduled);
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		pool.shutdown();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6);
	}

	/**
	 * Some seconds of load, as one way of calling makes it.
	 */
	@FunctionalInterface
	public interface Load {

		void run(int seconds) throws Exception;

	}

	/**
	 * Runs the load for {@link #WARM_UP_SECONDS}, then in rounds until the JIT compiler spent less than
	 * {@link #SETTLED_COMPILING_SHARE} of a round compiling (or {@link #WARM_UP_AT_MOST_SECONDS} have passed).
	 * @return how long the warm-up took, in seconds
	 */
	public static int warmUp(Load load) throws Exception {
		var compiler = ManagementFactory.getCompilationMXBean();
		load.run(WARM_UP_SECONDS);
		int seconds = WARM_UP_SECONDS;
		while (seconds < WARM_UP_AT_MOST_SECONDS) {
			long compiling = compiler.getTotalCompilationTime();
			long start = System.nanoTime();
			load.run(WARM_UP_ROUND_SECONDS);
			seconds += WARM_UP_ROUND_SECONDS;
			double roundMillis = (System.nanoTime() - start) / 1e6;
			if (compiler.getTotalCompilationTime() - compiling < SETTLED_COMPILING_SHARE * roundMillis) {
				break;
			}
		}
		return seconds;
	}

	/**
	 * Waits (two minutes at most) until the work the calls before left behind is done — every event publication's
	 * listener completed, every message due sent — so that a phase measured next is not charged for it.
	 */
	public static void caughtUp(DataSource dataSource) throws Exception {
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		try (Connection connection = dataSource.getConnection();
				var left = connection.prepareStatement("""
						select (select count(*) from event_publication where completion_date is null)
						     + (select count(*) from notify_message where status = 'PENDING' and next_attempt_at <= now())""")) {
			while (System.nanoTime() < end) {
				try (var count = left.executeQuery()) {
					count.next();
					if (count.getLong(1) == 0) {
						return;
					}
				}
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
		throw new IllegalStateException("the platform did not catch up with the calls' work within two minutes");
	}

	/**
	 * @return transactions per second that plain JDBC clients make with these writes
	 */
	public static double plain(DataSource dataSource, int clients, int seconds, Writes writes) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		List<Future<Long>> futures = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			futures.add(pool.submit(() -> {
				long count = 0;
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						writes.write(connection);
						connection.commit();
						count++;
					}
				}
				return count;
			}));
		}
		long total = 0;
		for (Future<Long> future : futures) {
			total += future.get();
		}
		pool.shutdown();
		return total / ((System.nanoTime() - start) / 1e9);
	}

}
