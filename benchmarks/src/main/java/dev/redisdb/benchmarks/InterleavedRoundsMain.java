package dev.redisdb.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;
import dev.redisdb.test.RedisServer;

/**
 * The same turns as {@link TurnBenchmark}, measured so that a machine whose speed drifts from second to second
 * treats every variant alike: the variants take turns in short rounds (their order rotating from round to round),
 * all connected at once to one redis-server of its own, and each round measures every variant's turns per second,
 * the process's CPU time per turn (all JVM threads, the event loops included) and the server's (from
 * {@code INFO cpu}). What is reported
 * is the median over the rounds, of each variant's figures and of each store variant's ratio to the baseline in the
 * same round.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.redisdb.benchmarks.InterleavedRoundsMain [config] [users]
 * [rounds] [seconds per round]}, for example {@code split 8 10 2}.
 */
public final class InterleavedRoundsMain {

	private static final String[] VARIANTS = { "store", "store-app-connection", "baseline" };

	private static final int USERS = 10_000;

	private static final int WARM_UP_ROUNDS = 3;

	private InterleavedRoundsMain() {
	}

	public static void main(String[] args) throws Exception {
		StoreConfig config = StoreConfig.of((args.length > 0) ? args[0] : "default");
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		double secondsPerRound = (args.length > 3) ? Double.parseDouble(args[3]) : 2;
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (RedisServer server = RedisServer.start()) {
			new Dataset(USERS, 1024).populate(server.port(), config);
			Turn[] turns = new Turn[VARIANTS.length];
			for (int v = 0; v < VARIANTS.length; v++) {
				turns[v] = Turn.of(VARIANTS[v], server.port(), config);
			}
			String[] userIds = Dataset.userIds(USERS);
			double[][] perSecond = new double[VARIANTS.length][rounds];
			double[][] cpuMicros = new double[VARIANTS.length][rounds];
			double[][] serverCpuMicros = new double[VARIANTS.length][rounds];
			for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
				for (int i = 0; i < VARIANTS.length; i++) {
					int v = (i + Math.floorMod(round, VARIANTS.length)) % VARIANTS.length;
					double serverCpuBefore = serverCpuSeconds(server);
					long cpuBefore = os.getProcessCpuTime();
					long start = System.nanoTime();
					long done = runFor(turns[v], userIds, threads, (long) (secondsPerRound * 1e9));
					long elapsed = System.nanoTime() - start;
					long cpu = os.getProcessCpuTime() - cpuBefore;
					double serverCpu = serverCpuSeconds(server) - serverCpuBefore;
					if (round >= 0) {
						perSecond[v][round] = done * 1e9 / elapsed;
						cpuMicros[v][round] = cpu / 1e3 / done;
						serverCpuMicros[v][round] = serverCpu * 1e6 / done;
					}
				}
			}
			for (Turn turn : turns) {
				turn.close();
			}
			System.out.println(report(config, threads, rounds, secondsPerRound, perSecond, cpuMicros, serverCpuMicros));
		}
	}

	/** @return the CPU time redis-server has used, user and system, from {@code INFO cpu} */
	private static double serverCpuSeconds(RedisServer server) {
		String info = server.call((commands) -> commands.info("cpu"));
		double seconds = 0;
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
				seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
			}
		}
		return seconds;
	}

	/** @return how many turns the threads completed until the time was up */
	private static long runFor(Turn turn, String[] userIds, int threads, long nanos) throws InterruptedException {
		long deadline = System.nanoTime() + nanos;
		long[] done = new long[threads];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int worker = t;
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					turn.runForRandomUser(userIds);
					done[worker]++;
				}
			});
			thread.start();
			workers.add(thread);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return Arrays.stream(done).sum();
	}

	private static String report(StoreConfig config, int threads, int rounds, double secondsPerRound,
			double[][] perSecond, double[][] cpuMicros, double[][] serverCpuMicros) {
		int baseline = VARIANTS.length - 1;
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"%s configuration, 1 KB, %d user(s), %d rounds of %.1f s per variant after %d warm-up rounds "
						+ "(medians over the rounds)%n",
				config.name().toLowerCase(Locale.ROOT), threads, rounds, secondsPerRound, WARM_UP_ROUNDS));
		text.append("| Variant | Turns/s | Client CPU µs/turn | Server CPU µs/turn | Turns/s / baseline's (range) "
				+ "| Client CPU / baseline's |\n");
		text.append("|---|--:|--:|--:|--:|--:|\n");
		for (int v = 0; v < VARIANTS.length; v++) {
			text.append(String.format(Locale.ROOT, "| %s | %,.0f | %.0f | %.0f | %s | %s |%n", VARIANTS[v],
					median(perSecond[v]), median(cpuMicros[v]), median(serverCpuMicros[v]),
					(v == baseline) ? "" : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)",
							median(ratios(perSecond[v], perSecond[baseline])),
							min(ratios(perSecond[v], perSecond[baseline])),
							max(ratios(perSecond[v], perSecond[baseline]))),
					(v == baseline) ? "" : String.format(Locale.ROOT, "%.2f",
							median(ratios(cpuMicros[v], cpuMicros[baseline])))));
		}
		return text.toString();
	}

	private static double[] ratios(double[] variant, double[] baseline) {
		double[] ratios = new double[variant.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = variant[i] / baseline[i];
		}
		return ratios;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	private static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

}
