package dev.redisdb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a results directory ({@code jmh.json}, and {@code machine.txt} and {@code redis-benchmark.txt} when present)
 * into {@code summary.md}: per configuration and user-data size, the turns per second of each variant at 1, 8 and 64
 * users, one user's p50/p99 latency, the bytes allocated per turn, and the store/baseline ratios.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.redisdb.benchmarks.Summary benchmarks/results}
 */
public final class Summary {

	/** Each variant with its label in the table, the baseline last. */
	private static final Map<String, String> VARIANTS = variants();

	/** A turn's round trips, in every variant and configuration: one {@code MGET}, one write. */
	static final int ROUND_TRIPS_PER_TURN = 2;

	private static final Pattern REDIS_BENCHMARK = Pattern
		.compile("(\\w+): ([\\d.]+) requests per second, p50=([\\d.]+) msec");

	private Summary() {
	}

	private static Map<String, String> variants() {
		Map<String, String> variants = new LinkedHashMap<>();
		variants.put("store", "RedisUserStore, own connection");
		variants.put("store-app-connection", "RedisUserStore, application's connection");
		variants.put("store-metrics", "RedisUserStore, own connection, Prometheus metrics");
		variants.put("baseline", "baseline (Lettuce by hand)");
		return variants;
	}

	public static void main(String[] args) throws IOException {
		Path results = Path.of((args.length > 0) ? args[0] : "benchmarks/results");
		write(results);
		System.out.println(Files.readString(results.resolve("summary.md")));
	}

	static void write(Path results) throws IOException {
		JsonNode runs = JsonMapper.builder().build().readTree(results.resolve("jmh.json").toFile());
		StringBuilder md = new StringBuilder("# redis-db benchmark results\n\n");
		Path machine = results.resolve("machine.txt");
		if (Files.exists(machine)) {
			md.append("```\n").append(Files.readString(machine).strip()).append("\n```\n\n");
		}
		Map<String, Map<String, Cells>> groups = groups(runs);
		md.append(table(groups));
		md.append('\n').append(firstTurnTable(runs));
		md.append('\n').append(clusterTable(runs));
		Path redisBenchmark = results.resolve("redis-benchmark.txt");
		if (Files.exists(redisBenchmark)) {
			String output = Files.readString(redisBenchmark);
			md.append('\n').append(redisBenchmarkTable(output));
			md.append('\n').append(shareTable(groups, setRequestsPerSecond(output)));
		}
		Files.writeString(results.resolve("summary.md"), md.toString());
	}

	static String table(JsonNode runs) {
		return table(groups(runs));
	}

	private static Map<String, Map<String, Cells>> groups(JsonNode runs) {
		Map<String, Map<String, Cells>> groups = new LinkedHashMap<>();
		for (String config : List.of("default", "split")) {
			for (String size : List.of("1024", "16384")) {
				for (String variant : VARIANTS.keySet()) {
					groups.computeIfAbsent(config + "|" + size, (key) -> new LinkedHashMap<>()).put(variant, new Cells());
				}
			}
		}
		for (JsonNode run : runs) {
			JsonNode params = run.path("params");
			String group = params.path("config").asString() + "|" + params.path("userDataBytes").asString();
			Cells cells = groups.computeIfAbsent(group, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(params.path("variant").asString(), (key) -> new Cells());
			String benchmark = run.path("benchmark").asString();
			if (!benchmark.contains("." + TurnBenchmark.class.getSimpleName() + ".")) {
				continue;
			}
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			JsonNode primary = run.path("primaryMetric");
			switch (method) {
				case "oneUser" -> {
					cells.meanMicros = primary.path("score").asDouble();
					cells.p50Micros = primary.path("scorePercentiles").path("50.0").asDouble();
					cells.p99Micros = primary.path("scorePercentiles").path("99.0").asDouble();
					cells.bytesPerTurn = allocationPerOperation(run);
				}
				case "users8" -> cells.users8 = Throughput.of(primary);
				case "users64" -> cells.users64 = Throughput.of(primary);
				default -> {
				}
			}
		}
		return groups;
	}

	private static String table(Map<String, Map<String, Cells>> groups) {
		StringBuilder md = new StringBuilder();
		md.append("Turns per second (higher is better; ± is half the range of the measurement iterations), "
				+ "one user's turn latency in µs and bytes allocated per turn (lower is better). "
				+ "1 user: one thread, from the mean of its sampled turn times. Ratios: each store variant / baseline.\n\n");
		md.append("| Config | User data | Variant | Turns/s, 1 user | Turns/s, 8 users | Turns/s, 64 users "
				+ "| p50 µs | p99 µs | B/turn |\n");
		md.append("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
		groups.forEach((group, variants) -> {
			Cells baseline = variants.get("baseline");
			if (variants.values().stream().noneMatch(Cells::hasAny)) {
				return;
			}
			String config = group.substring(0, group.indexOf('|'));
			String size = group.substring(group.indexOf('|') + 1);
			String label = "| " + config + " | " + size(size) + " | ";
			variants.forEach((variant, cells) -> {
				if (cells.hasAny()) {
					md.append(label).append(VARIANTS.getOrDefault(variant, variant)).append(" | ").append(cells.row())
						.append('\n');
				}
			});
			variants.forEach((variant, cells) -> {
				if (!variant.equals("baseline") && cells.hasAny() && baseline.hasAny()) {
					md.append(label).append("**").append(variant).append(" / baseline** | ")
						.append(cells.ratioTo(baseline)).append('\n');
				}
			});
		});
		return md.toString();
	}

	/**
	 * One user's first turns ({@link FirstTurnBenchmark}): a new user, and a returning user's new session, each
	 * as turns per second (one over the mean) and p50/p99 latency.
	 */
	static String firstTurnTable(JsonNode runs) {
		StringBuilder md = new StringBuilder("First turns, one user (turns/s from the mean; p50 / p99 µs):\n\n");
		md.append("| Config | User data | Variant | New user, turns/s | p50 µs | p99 µs | New session, turns/s "
				+ "| p50 µs | p99 µs |\n");
		md.append("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		for (JsonNode run : runs) {
			String benchmark = run.path("benchmark").asString();
			if (!benchmark.contains("." + FirstTurnBenchmark.class.getSimpleName() + ".")) {
				continue;
			}
			JsonNode params = run.path("params");
			String variant = params.path("variant").asString();
			String row = "| " + params.path("config").asString() + " | "
					+ size(params.path("userDataBytes").asString()) + " | " + VARIANTS.getOrDefault(variant, variant)
					+ " | ";
			JsonNode primary = run.path("primaryMetric");
			String cells = number(1_000_000 / primary.path("score").asDouble()) + " | "
					+ number(primary.path("scorePercentiles").path("50.0").asDouble()) + " | "
					+ number(primary.path("scorePercentiles").path("99.0").asDouble());
			rows.computeIfAbsent(row, (key) -> new LinkedHashMap<>())
				.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), cells);
		}
		rows.forEach((row, cells) -> md.append(row).append(cells.getOrDefault("newUser", "– | – | –")).append(" | ")
			.append(cells.getOrDefault("newSession", "– | – | –")).append(" |\n"));
		return md.toString();
	}

	/** {@link ClusterScalingBenchmark}: 64 users' turns per second on one server and on three masters. */
	static String clusterTable(JsonNode runs) {
		StringBuilder md = new StringBuilder("64 users, default configuration with hash-tag, 1 KB, "
				+ ClusterScalingBenchmark.USERS + " users, the application's connection:\n\n");
		md.append("| Redis | Turns/s, 64 users |\n|---|--:|\n");
		for (JsonNode run : runs) {
			if (run.path("benchmark").asString().contains("." + ClusterScalingBenchmark.class.getSimpleName() + ".")) {
				String topology = run.path("params").path("topology").asString();
				md.append("| ").append(topology.equals("cluster") ? "cluster, 3 masters" : "one server").append(" | ")
					.append(Throughput.of(run.path("primaryMetric"))).append(" |\n");
			}
		}
		return md.toString();
	}

	/**
	 * How close to the server's limit each variant runs: its round trips per second (turns/s x
	 * {@value #ROUND_TRIPS_PER_TURN}: an {@code MGET} and one write) as a share of redis-benchmark's unpipelined
	 * {@code SET} requests per second with as many clients.
	 */
	static String shareTable(Map<String, Map<String, Cells>> groups, Map<Integer, Double> setPerSecond) {
		StringBuilder md = new StringBuilder("Round trips per second (turns/s x " + ROUND_TRIPS_PER_TURN
				+ ") as a share of redis-benchmark's SET requests/s with as many clients (1, 8, 64):\n\n");
		md.append("| Config | User data | Variant | 1 user | 8 users | 64 users |\n");
		md.append("|---|---|---|--:|--:|--:|\n");
		groups.forEach((group, variants) -> variants.forEach((variant, cells) -> {
			if (cells.hasAny()) {
				md.append("| ").append(group.substring(0, group.indexOf('|'))).append(" | ")
					.append(size(group.substring(group.indexOf('|') + 1))).append(" | ")
					.append(VARIANTS.getOrDefault(variant, variant)).append(" | ")
					.append(share(cells.oneUserPerSecond(), setPerSecond.get(1))).append(" | ")
					.append(share(Cells.score(cells.users8), setPerSecond.get(8))).append(" | ")
					.append(share(Cells.score(cells.users64), setPerSecond.get(64))).append(" |\n");
			}
		}));
		return md.toString();
	}

	private static String share(double turnsPerSecond, Double setPerSecond) {
		return (setPerSecond == null || Double.isNaN(turnsPerSecond)) ? "–"
				: String.format(Locale.ROOT, "%.0f %%", 100 * turnsPerSecond * ROUND_TRIPS_PER_TURN / setPerSecond);
	}

	static Map<Integer, Double> setRequestsPerSecond(String output) {
		Map<Integer, Double> perClients = new LinkedHashMap<>();
		Integer clients = null;
		for (String line : output.split("\n")) {
			Matcher c = Pattern.compile("-c (\\d+)").matcher(line);
			if (line.startsWith("$ ") && c.find()) {
				clients = Integer.valueOf(c.group(1));
			}
			Matcher m = REDIS_BENCHMARK.matcher(line);
			if (clients != null && m.find() && m.group(1).equals("SET")) {
				perClients.put(clients, Double.valueOf(m.group(2)));
			}
		}
		return perClients;
	}

	private static double allocationPerOperation(JsonNode run) {
		for (Map.Entry<String, JsonNode> metric : run.path("secondaryMetrics").properties()) {
			if (metric.getKey().replace("·", "").equals("gc.alloc.rate.norm")) {
				return metric.getValue().path("score").asDouble();
			}
		}
		return Double.NaN;
	}

	private static String size(String bytes) {
		return switch (bytes) {
			case "1024" -> "1 KB";
			case "16384" -> "16 KB";
			default -> bytes + " B";
		};
	}

	static String redisBenchmarkTable(String output) {
		StringBuilder md = new StringBuilder("redis-benchmark on the same server (`-t get,set -n 100000 -q`):\n\n");
		md.append("| Clients (-c) | SET requests/s | SET p50 ms | GET requests/s | GET p50 ms |\n");
		md.append("|--:|--:|--:|--:|--:|\n");
		String clients = null;
		Map<String, String[]> byCommand = new LinkedHashMap<>();
		List<String> rows = new ArrayList<>();
		for (String line : (output + "\n$ end").split("\n")) {
			if (line.startsWith("$ ")) {
				if (clients != null) {
					String[] set = byCommand.getOrDefault("SET", new String[] { "–", "–" });
					String[] get = byCommand.getOrDefault("GET", new String[] { "–", "–" });
					rows.add("| " + clients + " | " + set[0] + " | " + set[1] + " | " + get[0] + " | " + get[1] + " |");
				}
				Matcher c = Pattern.compile("-c (\\d+)").matcher(line);
				clients = c.find() ? c.group(1) : null;
				byCommand.clear();
			}
			Matcher m = REDIS_BENCHMARK.matcher(line);
			if (m.find()) {
				byCommand.put(m.group(1), new String[] { number(Double.parseDouble(m.group(2))), m.group(3) });
			}
		}
		rows.forEach((row) -> md.append(row).append('\n'));
		return md.toString();
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String ratio(double store, double baseline) {
		return (Double.isNaN(store) || Double.isNaN(baseline) || baseline == 0) ? "–"
				: String.format(Locale.ROOT, "%.2f", store / baseline);
	}

	/** A throughput score with the spread of its measurement iterations. */
	private record Throughput(double score, double halfRangePercent) {

		static Throughput of(JsonNode primary) {
			double min = Double.MAX_VALUE;
			double max = -Double.MAX_VALUE;
			int iterations = 0;
			for (JsonNode fork : primary.path("rawData")) {
				for (JsonNode iteration : fork) {
					min = Math.min(min, iteration.asDouble());
					max = Math.max(max, iteration.asDouble());
					iterations++;
				}
			}
			double score = primary.path("score").asDouble();
			return new Throughput(score, (iterations > 1 && score > 0) ? 50 * (max - min) / score : Double.NaN);
		}

		@Override
		public String toString() {
			return number(this.score) + (Double.isNaN(this.halfRangePercent) ? ""
					: String.format(Locale.ROOT, " ±%.0f%%", this.halfRangePercent));
		}

	}

	private static final class Cells {

		double meanMicros = Double.NaN;

		double p50Micros = Double.NaN;

		double p99Micros = Double.NaN;

		double bytesPerTurn = Double.NaN;

		Throughput users8;

		Throughput users64;

		boolean hasAny() {
			return !Double.isNaN(this.meanMicros) || this.users8 != null || this.users64 != null;
		}

		double oneUserPerSecond() {
			return 1_000_000 / this.meanMicros;
		}

		String row() {
			return String.join(" | ", number(oneUserPerSecond()), text(this.users8), text(this.users64),
					number(this.p50Micros), number(this.p99Micros), number(this.bytesPerTurn)) + " |";
		}

		String ratioTo(Cells baseline) {
			return String.join(" | ", ratio(oneUserPerSecond(), baseline.oneUserPerSecond()),
					ratio(score(this.users8), score(baseline.users8)), ratio(score(this.users64), score(baseline.users64)),
					ratio(this.p50Micros, baseline.p50Micros), ratio(this.p99Micros, baseline.p99Micros),
					ratio(this.bytesPerTurn, baseline.bytesPerTurn)) + " |";
		}

		private static String text(Throughput throughput) {
			return (throughput != null) ? throughput.toString() : "–";
		}

		static double score(Throughput throughput) {
			return (throughput != null) ? throughput.score() : Double.NaN;
		}

	}

}
