package org.jijinan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a stretch of work cost, for the capacity model: the CPU the platform's JVM spent (the whole process less the
 * benchmark's own client threads, so the HTTP clients driving the load are not counted), the CPU PostgreSQL's
 * processes spent (read from {@code /proc}: the postmaster, its live children and the children that ended), and what
 * the database wrote (commits, rows inserted, updated and deleted, WAL bytes).
 * <p>
 * PostgreSQL's statistics reach {@code pg_stat_database} when a connection has been idle for a while (up to ten
 * seconds), so a reading waits that long first.
 */
public final class CostMeter {

	/** Linux's clock ticks per second, in which {@code /proc/<pid>/stat} counts CPU time. */
	private static final double TICKS_PER_SECOND = 100;

	private static final long STATISTICS_DELAY_MILLIS = 11_000;

	private final JdbcClient jdbc;

	private final long postmaster;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	public CostMeter(DataSource dataSource) throws IOException {
		this.jdbc = JdbcClient.create(dataSource);
		long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
		this.postmaster = Long.parseLong(stat(backend)[1]);
	}

	/**
	 * @param processCpu nanoseconds of CPU of the whole JVM
	 * @param clientCpu nanoseconds of CPU of the benchmark's client threads
	 * @param postgresCpu seconds of CPU of PostgreSQL's processes
	 * @param compilingMillis milliseconds the JIT compiler has spent compiling since the JVM started
	 */
	public record Reading(long processCpu, long clientCpu, long compilingMillis, double postgresCpu, long commits,
			long rowsWritten,
			String walPosition, Map<String, Long> tableWrites) {
	}

	/**
	 * @param operations how many operations the stretch did
	 * @param seconds how long it took
	 * @param platformCpuMillis CPU of the platform's JVM per operation
	 * @param compilerMillis of which the JIT compiler's, per operation (a JVM not yet warm compiles on the platform's
	 * CPU while it serves)
	 * @param postgresCpuMillis CPU of PostgreSQL per operation
	 * @param commits transactions committed per operation
	 * @param rows rows inserted, updated or deleted per operation
	 * @param walBytes bytes of WAL per operation
	 * @param tables rows inserted, updated or deleted per operation, by table, the most first
	 */
	public record Cost(String operation, long operations, double seconds, double platformCpuMillis,
			double compilerMillis, double postgresCpuMillis, double commits, double rows, double walBytes,
			Map<String, Double> tables) {

		public double rate() {
			return operations / seconds;
		}

		@Override
		public String toString() {
			return String.format("%s: %d in %.1f s (%.0f/s) | platform CPU %.2f ms (JIT compiler %.2f) | PostgreSQL "
					+ "CPU %.2f ms | %.1f commits | %.1f rows written | %.0f WAL bytes (per operation) | rows by table: "
					+ "%s", operation, operations, seconds, rate(), platformCpuMillis, compilerMillis, postgresCpuMillis,
					commits, rows, walBytes,
					tables.entrySet()
						.stream()
						.map(table -> String.format("%s %.2f", table.getKey(), table.getValue()))
						.collect(Collectors.joining(", ")));
		}

	}

	/**
	 * Waits until the statistics of what ran before are in, then reads.
	 */
	public Reading read() throws IOException, InterruptedException {
		Thread.sleep(STATISTICS_DELAY_MILLIS);
		jdbc.sql("select pg_stat_clear_snapshot()").query((row, n) -> 0).list();
		Map<String, Object> database = jdbc.sql("""
				select xact_commit, tup_inserted + tup_updated + tup_deleted as written, pg_current_wal_lsn()::text as wal
				  from pg_stat_database where datname = current_database()""").query().singleRow();
		long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		Map<String, Long> tables = new HashMap<>();
		jdbc.sql("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")
			.query((row, n) -> tables.put(row.getString(1), row.getLong(2)))
			.list();
		return new Reading(processCpu, clientCpu(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
				postgresCpu(), ((Number) database.get("xact_commit")).longValue(),
				((Number) database.get("written")).longValue(), (String) database.get("wal"), tables);
	}

	/**
	 * @param busySeconds how long the work itself took (the reading's wait for the statistics left out)
	 */
	public Cost cost(String operation, long operations, Reading before, Reading after, double busySeconds) {
		long wal = jdbc.sql("select pg_wal_lsn_diff(:after::pg_lsn, :before::pg_lsn)::bigint")
			.param("after", after.walPosition())
			.param("before", before.walPosition())
			.query(Long.class)
			.single();
		double platform = (after.processCpu() - before.processCpu()) - (after.clientCpu() - before.clientCpu());
		return new Cost(operation, operations, busySeconds, platform / 1e6 / operations,
				(double) (after.compilingMillis() - before.compilingMillis()) / operations,
				(after.postgresCpu() - before.postgresCpu()) * 1000 / operations,
				(double) (after.commits() - before.commits()) / operations,
				(double) (after.rowsWritten() - before.rowsWritten()) / operations, (double) wal / operations,
				tableWrites(before, after, operations));
	}

	private static Map<String, Double> tableWrites(Reading before, Reading after, long operations) {
		Map<String, Double> tables = new LinkedHashMap<>();
		after.tableWrites()
			.entrySet()
			.stream()
			.map(table -> Map.entry(table.getKey(),
					(double) (table.getValue() - before.tableWrites().getOrDefault(table.getKey(), 0L)) / operations))
			.filter(table -> table.getValue() >= 0.005)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(table -> tables.put(table.getKey(), table.getValue()));
		return tables;
	}

	/**
	 * The client threads: the benchmark's own ({@code capacity-client-…}) and the JDK HTTP client's.
	 */
	private long clientCpu() {
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && (info.getThreadName().startsWith("capacity-client")
					|| info.getThreadName().startsWith("HttpClient-"))) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(cpu, 0);
			}
		}
		return total;
	}

	private double postgresCpu() throws IOException {
		Map<Long, Long> ticks = new HashMap<>();
		String[] own = stat(postmaster);
		ticks.put(postmaster, Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
				+ Long.parseLong(own[14]));
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String[] fields = stat(Long.parseLong(name));
					if (Long.parseLong(fields[1]) == postmaster) {
						ticks.put(Long.parseLong(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
					}
				}
				catch (IOException ended) {
					// the process ended while being listed; its time is in the postmaster's ended children
				}
			}
		}
		return ticks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
	}

	/**
	 * @return the fields of {@code /proc/<pid>/stat} after the command's name: [0] state, [1] parent, … [11] user
	 *     time, [12] system time, [13] ended children's user time, [14] their system time (in clock ticks)
	 */
	private static String[] stat(long pid) throws IOException {
		String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return line.substring(line.lastIndexOf(')') + 2).split(" ");
	}

}
