package dev.redisdb.benchmarks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import dev.redisdb.test.RedisServer;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the whole comparison: starts one redis-server on a free loopback port; for each configuration and user-data
 * size, populates it and runs the JMH benchmarks against it (every variant on that same server and data); then the
 * {@link ClusterScalingBenchmark}, which starts servers of its own; then runs
 * {@code redis-benchmark} on it for reference, stops it by PID, and writes {@code jmh.json}, {@code jmh.txt},
 * {@code redis-benchmark.txt}, {@code machine.txt} and {@code summary.md} to the results directory
 * ({@code benchmarks/results}, or the system property {@value #RESULTS_PROPERTY}).
 * <p>
 * Arguments are JMH's ({@code -h} lists them): {@code -p userDataBytes=1024}, {@code -wi 5 -i 10 -f 2}, a benchmark
 * regex. The GC profiler is on unless {@code -prof} names others.
 */
public final class BenchmarkMain {

	static final String RESULTS_PROPERTY = "redisdb.bench.results";

	private static final List<String> REDIS_BENCHMARK_CLIENTS = List.of("1", "8", "50", "64");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		CommandLineOptions options = new CommandLineOptions(args);
		if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
				|| options.shouldListProfilers() || options.shouldListResultFormats()) {
			org.openjdk.jmh.Main.main(args);
			return;
		}
		Path results = resultsDirectory();
		Files.createDirectories(results);
		List<String> machine = new ArrayList<>(machine(args));
		try (RedisServer server = RedisServer.start();
				PrintStream text = new PrintStream(new Tee(System.out,
						new FileOutputStream(results.resolve("jmh.txt").toFile())), true, StandardCharsets.UTF_8)) {
			machine.add("redis-server pid " + server.pid() + ", port " + server.port());
			List<String> forkArguments = new ArrayList<>(List.of("-Xms2g", "-Xmx2g",
					"-D" + TurnBenchmark.PORT_PROPERTY + "=" + server.port()));
			forkArguments.addAll(options.getJvmArgsAppend().orElse(List.of()));
			OutputFormat output = OutputFormatFactory.createFormatInstance(text,
					options.verbosity().orElse(VerboseMode.NORMAL));
			List<RunResult> runs = new ArrayList<>();
			for (String config : parameterValues(options, "config")) {
				for (String userDataBytes : parameterValues(options, "userDataBytes")) {
					populate(server.port(), StoreConfig.of(config), Integer.parseInt(userDataBytes), text);
					ChainedOptionsBuilder builder = new OptionsBuilder().parent(options)
						.param("config", config)
						.param("userDataBytes", userDataBytes)
						.jvmArgsAppend(forkArguments.toArray(String[]::new));
					if (!StoreConfig.of(config).hasSessionAndHistory()) {
						builder.exclude(FirstTurnBenchmark.class.getSimpleName() + ".newSession");
					}
					if (options.getProfilers().isEmpty()) {
						builder.addProfiler(GCProfiler.class);
					}
					builder.exclude(ClusterScalingBenchmark.class.getSimpleName());
					runs.addAll(run(builder, output));
				}
			}
			ChainedOptionsBuilder cluster = new OptionsBuilder().parent(options)
				.exclude(TurnBenchmark.class.getSimpleName())
				.jvmArgsAppend(forkArguments.toArray(String[]::new));
			runs.addAll(run(cluster, output));
			ResultFormatFactory.getInstance(ResultFormatType.JSON, results.resolve("jmh.json").toString())
				.writeOut(runs);
			Files.writeString(results.resolve("redis-benchmark.txt"), redisBenchmark(server.port()));
		}
		machine.add("finished " + Instant.now() + ", load average " + loadAverage());
		Files.write(results.resolve("machine.txt"), machine);
		Summary.write(results);
		System.out.println(Files.readString(results.resolve("summary.md")));
		System.out.println("Results in " + results.toAbsolutePath().normalize());
	}

	/** @return the results, none when the options select no benchmark of this run */
	private static Collection<RunResult> run(ChainedOptionsBuilder options, OutputFormat output)
			throws RunnerException {
		try {
			return new Runner(options.build(), output).run();
		}
		catch (NoBenchmarksException ex) {
			return List.of();
		}
	}

	/**
	 * Fills the server with one configuration's users, once for all forks of that configuration and size: every
	 * variant then works on the same data, fresh enough that no stored session has expired.
	 */
	private static void populate(int port, StoreConfig config, int userDataBytes, PrintStream text) {
		long start = System.nanoTime();
		new Dataset(Dataset.USERS, userDataBytes).populate(port, config);
		text.printf("%n# Populated: %s, in %.1f s%n", Dataset.describe(Dataset.USERS, config, userDataBytes),
				(System.nanoTime() - start) / 1e9);
	}

	/** @return the values given with {@code -p name=...}, else those of the benchmark's {@code @Param} */
	private static Collection<String> parameterValues(CommandLineOptions options, String name)
			throws NoSuchFieldException {
		return options.getParameter(name)
			.orElse(List.of(VariantParameters.class.getField(name).getAnnotation(Param.class).value()));
	}

	/** The same server, with redis-benchmark's own GET/SET load, for reference. */
	private static String redisBenchmark(int port) {
		StringBuilder output = new StringBuilder();
		for (String clients : REDIS_BENCHMARK_CLIENTS) {
			List<String> command = List.of("redis-benchmark", "-h", TurnBenchmark.HOST, "-p",
					String.valueOf(port), "-t", "get,set", "-n", "100000", "-c", clients, "-q");
			System.out.println("$ " + String.join(" ", command));
			output.append("$ ").append(String.join(" ", command)).append('\n');
			for (String line : Commands.output(command).split("[\r\n]+")) {
				if (line.contains("requests per second")) {
					System.out.println(line.strip());
					output.append(line.strip()).append('\n');
				}
			}
		}
		return output.toString();
	}

	private static List<String> machine(String[] args) throws IOException {
		return List.of("started " + Instant.now() + ", load average " + loadAverage(),
				"processors " + Runtime.getRuntime().availableProcessors() + ", " + cpuModel(),
				"java " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				Commands.output(List.of("redis-server", "--version")).strip(),
				"os " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
				"arguments " + ((args.length > 0) ? String.join(" ", args) : "(none: the defaults)"));
	}

	private static String cpuModel() throws IOException {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) {
			return "cpu unknown";
		}
		try (Stream<String> lines = Files.lines(cpuinfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("cpu unknown");
		}
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
	}

	/** {@code benchmarks/results}, beside {@code target/} where the jar is, unless the system property says else. */
	private static Path resultsDirectory() throws URISyntaxException {
		String configured = System.getProperty(RESULTS_PROPERTY);
		if (configured != null) {
			return Path.of(configured);
		}
		Path code = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return code.getParent().getParent().resolve("results");
	}

	/** Writes to the console and to a file. */
	private static final class Tee extends OutputStream {

		private final OutputStream console;

		private final OutputStream file;

		Tee(OutputStream console, OutputStream file) {
			this.console = console;
			this.file = file;
		}

		@Override
		public void write(int b) throws IOException {
			this.console.write(b);
			this.file.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.console.write(bytes, offset, length);
			this.file.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.console.flush();
			this.file.flush();
		}

		@Override
		public void close() throws IOException {
			this.console.flush();
			this.file.close();
		}

	}

}
