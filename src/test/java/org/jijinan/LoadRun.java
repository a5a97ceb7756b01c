package org.jijinan;

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
	 * How long a benchmark runs each way of calling before measuring ({@code -Dbenchmark.warm-up}, seconds): on two
	 * cores the JIT compiler is still compiling the request's code after a few seconds.
	 */
	public static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warm-up", 15);

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
